package dev.bugle.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The real {@code bugle.jar} run as a separate process ({@code java -jar}), with its standard output and standard
 * error read line by line as they arrive ({@link Lines}). Every wait is bounded and fails with both streams in its
 * message; {@link #close()} kills the process if it is still alive.
 */
final class BugleProcess implements AutoCloseable {
  /** Time for a JVM to start and reach its first log line, generous for a loaded 2-core machine. */
  static final Duration STARTUP = Duration.ofSeconds(30);

  private final List<String> command;
  private final Process process;
  private final Lines out;
  private final Lines err;

  private BugleProcess(List<String> command, Process process) {
    this.command = command;
    this.process = process;
    this.out = new Lines(process.getInputStream(), "stdout");
    this.err = new Lines(process.getErrorStream(), "stderr");
  }

  /** Starts {@code java -jar bugle.jar ARGS} in {@code dir}, with {@code env} added to (a null value: removed from) the environment. */
  static BugleProcess start(Path dir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(sigintIgnoredHere() ? List.of("env", "--default-signal=INT") : List.of());
    command.addAll(List.of(javaBinary(),
        // Start-up flags only: they keep a suite of short-lived JVMs quick on 2 cores; the jar is the one users run.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    env.forEach((k, v) -> {
      if (v == null) {
        pb.environment().remove(k);
      } else {
        pb.environment().put(k, v);
      }
    });
    try {
      return new BugleProcess(command, pb.start());
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + command, e);
    }
  }

  static BugleProcess start(Path dir, String... args) {
    return start(dir, Map.of(), args);
  }

  /** Runs a command that ends by itself and returns it once it has exited. */
  static BugleProcess runToEnd(Path dir, Map<String, String> env, String... args) {
    BugleProcess p = start(dir, env, args);
    p.awaitExit(STARTUP);
    return p;
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("bugle.jar", "target/bugle.jar"));
    if (!Files.isRegularFile(jar)) {
      fail(jar + " does not exist; the integration tests run the shaded jar: mvn -pl cli -am verify builds it");
    }
    return jar;
  }

  /**
   * Whether this JVM was started with SIGINT ignored, as every background job of a non-interactive shell is
   * ({@code mvn verify &} in a script). A child inherits that, and a JVM that starts with SIGINT ignored keeps
   * ignoring it, so the SIGINT case could not be tested; GNU env then resets it for the child.
   */
  private static boolean sigintIgnoredHere() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (2 - 1))) != 0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: nothing to reset
    }
    return false;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  long pid() {
    return process.pid();
  }

  /**
   * SIGTERM, as an orchestrator's stop sends it. Through the {@link ProcessHandle}: {@link Process#destroy()} sends
   * the same signal but also closes our ends of the pipes, and the process's last lines would be lost.
   */
  void sigterm() {
    if (!process.toHandle().destroy()) {
      fail("cannot send SIGTERM to " + pid());
    }
  }

  /** SIGHUP: a reload. */
  void sighup() {
    signal("HUP");
  }

  private void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).redirectErrorStream(true).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        fail("kill -" + name + " " + pid() + " failed: "
            + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      fail("cannot run kill: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
  }

  /** SIGINT, as Ctrl-C sends it. */
  void sigint() {
    try {
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid())).redirectErrorStream(true).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        fail("kill -INT " + pid() + " failed: " + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill -INT " + pid(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits for a standard error line containing a match of {@code regex}; fails after {@code timeout}. */
  Lines.Line awaitStderr(String regex, Duration timeout) {
    return err.await(Pattern.compile(regex), timeout, "standard error", this::transcript);
  }

  /** Waits for a standard output line containing a match of {@code regex}; fails after {@code timeout}. */
  Lines.Line awaitStdout(String regex, Duration timeout) {
    return out.await(Pattern.compile(regex), timeout, "standard output", this::transcript);
  }

  /** Waits for the process to exit and for both streams to be read to their end; returns the exit code. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        fail("still running " + timeout + " later\n" + transcript());
      }
      out.awaitEnd();
      err.awaitEnd();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitCode() {
    return process.exitValue();
  }

  List<String> stdout() {
    return out.texts();
  }

  List<String> stderr() {
    return err.texts();
  }

  /** The command and both streams, for failure messages. */
  String transcript() {
    return "command: " + String.join(" ", command) + "\n--- stdout\n" + String.join("\n", stdout())
        + "\n--- stderr\n" + String.join("\n", stderr()) + "\n---";
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
