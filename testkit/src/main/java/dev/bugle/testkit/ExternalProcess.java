package dev.bugle.testkit;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real worker, emulator or bugle run as a separate process for an integration test, its standard output and error
 * in a log file. Every wait is bounded and fails with the log's tail, and says so when the process died first;
 * {@link #close()} always ends the process and its descendants. What to start and which effect to wait for stay in
 * the module that uses it.
 */
public final class ExternalProcess implements AutoCloseable {
  private static final int TAIL_LINES = 60;
  private final String name;
  private final Process process;
  private final Path log;
  private final Duration grace;

  private ExternalProcess(String name, Process process, Path log, Duration grace) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.grace = grace;
  }

  /**
   * Starts {@code pb} with both streams appended to {@code log}. {@link #close()} sends SIGTERM and waits up to
   * {@code grace} for a warm shutdown before SIGKILL; {@link Duration#ZERO} kills at once.
   *
   * @param name what the process is, for failure messages ("the Celery worker")
   * @param install how to get the program when it cannot be started ("scripts/services redis")
   */
  public static ExternalProcess start(String name, ProcessBuilder pb, Path log, Duration grace, String install) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      pb.redirectErrorStream(true).redirectOutput(log.toFile());
      return new ExternalProcess(name, pb.start(), log, grace);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name + " (" + pb.command() + "); " + install, e);
    }
  }

  /** A probe of an effect: the value once it happened, {@code null} while not yet. */
  @FunctionalInterface
  public interface Probe<T> {
    T poll() throws Exception;
  }

  /**
   * Polls {@code probe} until it returns a value, up to {@code timeout}; fails with the log's tail when the process
   * ended without the effect or when the time is up. {@code what} completes "did not ..." ("run the job").
   */
  public <T> T await(String what, Duration timeout, Probe<T> probe) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = probe.poll();
      if (value != null) {
        return value;
      }
      if (!process.isAlive()) {
        value = probe.poll(); // the effect may have landed just before it exited
        if (value != null) {
          return value;
        }
        return fail(name + " exited with " + process.exitValue() + " before it could " + what + "; " + logTail());
      }
      if (System.nanoTime() - deadline > 0) {
        return fail(name + " did not " + what + " within " + timeout + "; " + logTail());
      }
      Thread.sleep(50);
    }
  }

  /** Waits for the process to end by itself; fails with the log's tail when it does not within {@code timeout}. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      fail(name + " did not finish within " + timeout + "; " + logTail());
    }
    return process.exitValue();
  }

  /** The exit code, waiting up to {@code timeout}; -1 if still running then. */
  public int exitCode(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** The whole log so far; empty before the process wrote anything. */
  public String logText() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** The log's last {@code count} lines. */
  public String tail(int count) {
    List<String> lines = logText().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  /** The log's last lines, for failure messages. */
  public String logTail() {
    return "its log (" + log + "), last lines:\n" + tail(TAIL_LINES);
  }

  /**
   * SIGTERM, through the {@link ProcessHandle}: {@link Process#destroy()} sends the same signal but also closes our
   * ends of the pipes, so use this one when a caller still reads output afterwards. False if it could not be sent.
   */
  public boolean sigterm() {
    return process.toHandle().destroy();
  }

  /** SIGKILL to the process and every descendant, as a crash; waits (bounded) for the process to be gone. */
  public void kill() throws InterruptedException {
    List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
    process.destroyForcibly();
    family.forEach(ProcessHandle::destroyForcibly);
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Ends the process: SIGTERM and up to the grace period, then SIGKILL; descendants are always killed. */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
    try {
      if (process.isAlive() && !grace.isZero()) {
        process.toHandle().destroy();
        process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      family.addAll(process.descendants().toList());
      process.destroyForcibly();
      family.forEach(ProcessHandle::destroyForcibly);
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
