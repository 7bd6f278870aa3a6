package dev.bugle.backend.jobrunr;

import static org.assertj.core.api.Assertions.fail;

import dev.bugle.testkit.ExternalProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The example JobRunr worker ({@code examples/jobrunr}) in a JVM of its own ({@link ExternalProcess}), as a team runs
 * it: only the worker's jar on its classpath. Each job it runs appends a line to {@link #out()}.
 */
final class WorkerProcess implements AutoCloseable {
  static final Path JAR = Path.of("../examples/jobrunr/target/jobrunr-example-worker.jar").toAbsolutePath().normalize();
  private static final String BUILD = "build it with: mvn -q -pl examples/jobrunr package";
  private final ExternalProcess process;
  private final Path out;

  private WorkerProcess(ExternalProcess process, Path out) {
    this.process = process;
    this.out = out;
  }

  static WorkerProcess start(TestDatabase db, String tablePrefix) throws IOException {
    if (!Files.isRegularFile(JAR)) {
      fail("the example worker is not built at " + JAR + "; " + BUILD);
    }
    Path dir = Files.createTempDirectory("bugle-jobrunr-worker");
    Path out = dir.resolve("jobs.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-jar", JAR.toString());
    pb.environment().put("JOBRUNR_JDBC_URL", db.url());
    pb.environment().put("JOBRUNR_USERNAME", db.user());
    pb.environment().put("JOBRUNR_TABLE_PREFIX", tablePrefix);
    pb.environment().put("JOBRUNR_EXAMPLE_OUT", out.toString());
    return new WorkerProcess(ExternalProcess.start("the JobRunr worker", pb, dir.resolve("worker.log"),
        Duration.ofSeconds(10), BUILD), out);
  }

  Path out() {
    return out;
  }

  /** The lines jobs wrote so far. */
  List<String> lines() throws IOException {
    return Files.exists(out) ? Files.readAllLines(out, StandardCharsets.UTF_8) : List.of();
  }

  /** Waits, bounded, until the jobs' lines satisfy {@code done}; fails with the worker's log otherwise. */
  List<String> awaitLines(Predicate<List<String>> done, Duration timeout, String what) throws Exception {
    try {
      return process.await(what, timeout, () -> {
        List<String> lines = lines();
        return done.test(lines) ? lines : null;
      });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\nlines the jobs wrote: " + lines(), e);
    }
  }

  String logTail() {
    return process.logTail();
  }

  @Override
  public void close() throws Exception {
    process.close();
  }
}
