package dev.bugle.backend.jobrunr;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The example JobRunr worker ({@code examples/jobrunr}) in a JVM of its own, as a team runs it: only the worker's
 * jar on its classpath. Each job it runs appends a line to {@link #out()}.
 */
final class WorkerProcess implements AutoCloseable {
  static final Path JAR = Path.of("../examples/jobrunr/target/jobrunr-example-worker.jar").toAbsolutePath().normalize();
  private final Process process;
  private final Path out;
  private final Path log;

  private WorkerProcess(Process process, Path out, Path log) {
    this.process = process;
    this.out = out;
    this.log = log;
  }

  static WorkerProcess start(TestDatabase db, String tablePrefix) throws IOException {
    if (!Files.isRegularFile(JAR)) {
      fail("the example worker is not built at " + JAR + "; build it with: mvn -q -pl examples/jobrunr package");
    }
    Path dir = Files.createTempDirectory("bugle-jobrunr-worker");
    Path out = dir.resolve("jobs.txt");
    Path log = dir.resolve("worker.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-jar", JAR.toString());
    pb.environment().put("JOBRUNR_JDBC_URL", db.url());
    pb.environment().put("JOBRUNR_USERNAME", db.user());
    pb.environment().put("JOBRUNR_TABLE_PREFIX", tablePrefix);
    pb.environment().put("JOBRUNR_EXAMPLE_OUT", out.toString());
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return new WorkerProcess(pb.start(), out, log);
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
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<String> lines = lines();
      if (done.test(lines)) {
        return lines;
      }
      if (!process.isAlive()) {
        fail("the JobRunr worker exited (" + process.exitValue() + ") before " + what + "; its log:\n" + logTail());
      }
      Thread.sleep(200);
    }
    return fail("the JobRunr worker did not " + what + " within " + timeout + "; lines: " + lines()
        + "\nits log:\n" + logTail());
  }

  String logTail() throws IOException {
    List<String> all = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    return String.join("\n", all.subList(Math.max(0, all.size() - 60), all.size()));
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
