package dev.bugle.backend.rabbitmq;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, unmodified Celery worker from Debian's {@code python3-celery}, in its own process, consuming one queue
 * with the tasks in {@code src/test/resources/celery/bugle_it_tasks.py}. Always {@link #close()} it.
 */
final class CeleryWorker implements AutoCloseable {
  static final String PYTHON = "/usr/bin/python3";
  private final Process process;
  private final Path log;

  private CeleryWorker(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts a worker on {@code queue}; tasks write their records into {@code out}. */
  static CeleryWorker start(String queue, Path workDir, Path out) throws IOException, InterruptedException {
    requireCelery();
    try (InputStream tasks = CeleryWorker.class.getResourceAsStream("/celery/bugle_it_tasks.py")) {
      Files.copy(tasks, workDir.resolve("bugle_it_tasks.py"));
    }
    Path log = workDir.resolve("worker.log");
    ProcessBuilder pb = new ProcessBuilder(PYTHON, "-m", "celery", "-A", "bugle_it_tasks",
        "-b", "amqp://guest:guest@127.0.0.1:5672//", "worker", "-Q", queue, "--pool=solo", "-l", "INFO",
        "-n", queue + "@%h", "--without-gossip", "--without-mingle", "--without-heartbeat")
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("BUGLE_OUT", out.toString());
    pb.environment().put("PYTHONPATH", workDir.toString());
    pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    return new CeleryWorker(pb.start(), log);
  }

  private static void requireCelery() throws IOException, InterruptedException {
    Process check = new ProcessBuilder(PYTHON, "-c", "import celery").redirectErrorStream(true).start();
    boolean done = check.waitFor(30, TimeUnit.SECONDS);
    if (!done || check.exitValue() != 0) {
      check.destroyForcibly();
      throw new AssertionError(PYTHON + " cannot import celery (Debian's python3-celery is missing): "
          + new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          + "Install it with: scripts/services rabbitmq");
    }
  }

  /** Waits for {@code file} to appear, failing with the worker's log after {@code timeout}. */
  Path await(Path file, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(file)) {
      if (!process.isAlive()) {
        throw new AssertionError("the Celery worker exited with " + process.exitValue() + ":\n" + log());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + file.getFileName() + " after " + timeout + "; worker log:\n" + log());
      }
      Thread.sleep(50);
    }
    return file;
  }

  String log() throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** Stops the worker: a warm shutdown (SIGTERM), then SIGKILL after 10 seconds. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
