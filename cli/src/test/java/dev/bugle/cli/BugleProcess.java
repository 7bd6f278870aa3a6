package dev.bugle.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 * error read line by line as they arrive, each line stamped with the monotonic time it was read. Every wait is
 * bounded and fails with both streams in its message; {@link #close()} kills the process if it is still alive.
 */
final class BugleProcess implements AutoCloseable {
  /** Time for a JVM to start and reach its first log line, generous for a loaded 2-core machine. */
  static final Duration STARTUP = Duration.ofSeconds(30);

  /** A line and the {@link System#nanoTime()} at which the test read it. */
  record Line(String text, long readAt) {
  }

  private final List<String> command;
  private final Process process;
  private final List<Line> out = new ArrayList<>();
  private final List<Line> err = new ArrayList<>();
  private final Thread outReader;
  private final Thread errReader;

  private BugleProcess(List<String> command, Process process) {
    this.command = command;
    this.process = process;
    this.outReader = pump(process.getInputStream(), out, "stdout");
    this.errReader = pump(process.getErrorStream(), err, "stderr");
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

  private static Thread pump(InputStream in, List<Line> sink, String name) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          synchronized (sink) {
            sink.add(new Line(line, System.nanoTime()));
            sink.notifyAll();
          }
        }
      } catch (IOException e) {
        // the process was killed; what was read is kept
      }
    }, "bugle-it-" + name);
    t.setDaemon(true);
    t.start();
    return t;
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
  Line awaitStderr(String regex, Duration timeout) {
    return await(err, Pattern.compile(regex), timeout, "standard error");
  }

  /** Waits for a standard output line containing a match of {@code regex}; fails after {@code timeout}. */
  Line awaitStdout(String regex, Duration timeout) {
    return await(out, Pattern.compile(regex), timeout, "standard output");
  }

  private Line await(List<Line> lines, Pattern p, Duration timeout, String stream) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        for (Line l : lines) {
          if (p.matcher(l.text()).find()) {
            return l;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          fail("no line matching /" + p + "/ on " + stream + " within " + timeout + "\n" + transcript());
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(lines, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          fail("interrupted");
        }
      }
    }
  }

  /** Waits for the process to exit and for both streams to be read to their end; returns the exit code. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        fail("still running " + timeout + " later\n" + transcript());
      }
      outReader.join(5_000);
      errReader.join(5_000);
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
    return texts(out);
  }

  List<String> stderr() {
    return texts(err);
  }

  private static List<String> texts(List<Line> lines) {
    synchronized (lines) {
      return lines.stream().map(Line::text).toList();
    }
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
