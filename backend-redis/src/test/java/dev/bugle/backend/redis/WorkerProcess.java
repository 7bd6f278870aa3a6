package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real, unmodified worker in a separate process, its output in a log file, always killed by {@link #close()}. */
final class WorkerProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private WorkerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** The folder of the example workers ({@code examples/redis}). */
  static Path examples() {
    return Path.of(System.getProperty("bugle.examples.redis", "../examples/redis")).toAbsolutePath().normalize();
  }

  /** Fails, naming the command that installs it, when {@code file} is missing. */
  static void require(Path file, String what) {
    if (!Files.exists(file)) {
      fail(what + " is missing (" + file + "); install it with: scripts/services redis");
    }
  }

  /** The first executable {@code name} on the PATH; fails, naming the command that installs it, when none. */
  static Path onPath(String name, String what) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return fail(what + " (" + name + ") is not on the PATH; install it with: scripts/services redis");
  }

  static WorkerProcess start(String name, List<String> command, Map<String, String> env) {
    try {
      Path logs = Path.of(System.getProperty("bugle.it.logs", "target/worker-logs"));
      Files.createDirectories(logs);
      Path log = logs.resolve(name + ".log");
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
          .directory(examples().toFile());
      pb.environment().putAll(env);
      return new WorkerProcess(pb.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command + "; install it with: scripts/services redis", e);
    }
  }

  /** Waits for the process to end by itself (RQ's --burst); fails with its log when it does not. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      fail("worker did not finish within " + timeout + "; its log:\n" + logTail());
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
