package dev.bugle.backend.rabbitmq;

import dev.bugle.testkit.ExternalProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real, unmodified Celery worker from Debian's {@code python3-celery}, in its own process ({@link ExternalProcess}),
 * consuming one queue with the tasks in {@code src/test/resources/celery/bugle_it_tasks.py}. Always {@link #close()} it.
 */
final class CeleryWorker implements AutoCloseable {
  static final String PYTHON = "/usr/bin/python3";
  private static final String INSTALL = "Install it with: scripts/services rabbitmq";
  private final ExternalProcess process;

  private CeleryWorker(ExternalProcess process) {
    this.process = process;
  }

  /** Starts a worker on {@code queue}; tasks write their records into {@code out}. 10s for a warm shutdown. */
  static CeleryWorker start(String queue, Path workDir, Path out) throws IOException, InterruptedException {
    requireCelery();
    try (InputStream tasks = CeleryWorker.class.getResourceAsStream("/celery/bugle_it_tasks.py")) {
      Files.copy(tasks, workDir.resolve("bugle_it_tasks.py"));
    }
    ProcessBuilder pb = new ProcessBuilder(PYTHON, "-m", "celery", "-A", "bugle_it_tasks",
        "-b", "amqp://guest:guest@127.0.0.1:5672//", "worker", "-Q", queue, "--pool=solo", "-l", "INFO",
        "-n", queue + "@%h", "--without-gossip", "--without-mingle", "--without-heartbeat")
        .directory(workDir.toFile());
    pb.environment().put("BUGLE_OUT", out.toString());
    pb.environment().put("PYTHONPATH", workDir.toString());
    pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    return new CeleryWorker(ExternalProcess.start("the Celery worker", pb, workDir.resolve("worker.log"),
        Duration.ofSeconds(10), INSTALL));
  }

  private static void requireCelery() throws IOException, InterruptedException {
    Process check = new ProcessBuilder(PYTHON, "-c", "import celery").redirectErrorStream(true).start();
    boolean done = check.waitFor(30, TimeUnit.SECONDS);
    if (!done || check.exitValue() != 0) {
      check.destroyForcibly();
      throw new AssertionError(PYTHON + " cannot import celery (Debian's python3-celery is missing): "
          + new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8) + INSTALL);
    }
  }

  /** Waits for {@code file} to appear, failing with the worker's log after {@code timeout} or if it exits. */
  Path await(Path file, Duration timeout) throws Exception {
    return process.await("write " + file.getFileName(), timeout, () -> Files.exists(file) ? file : null);
  }

  /** The last 60 lines of the worker's log. */
  String log() {
    return process.tail(60);
  }

  /** Stops the worker: a warm shutdown (SIGTERM), then SIGKILL after 10 seconds. */
  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
