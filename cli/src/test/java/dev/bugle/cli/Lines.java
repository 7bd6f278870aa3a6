package dev.bugle.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The lines of one stream of a process, read as they arrive on a daemon thread, each stamped with when it was read. */
final class Lines {
  /** A line and the {@link System#nanoTime()} at which the test read it. */
  record Line(String text, long readAt) {
  }

  private final List<Line> lines = new ArrayList<>();
  private final Thread reader;

  Lines(InputStream in, String name) {
    reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          synchronized (lines) {
            lines.add(new Line(line, System.nanoTime()));
            lines.notifyAll();
          }
        }
      } catch (IOException e) {
        // the process was killed; what was read is kept
      }
    }, "bugle-it-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** The first line containing a match of {@code p}, waiting for it up to {@code timeout}; fails with the transcript. */
  Line await(Pattern p, Duration timeout, String stream, Supplier<String> transcript) {
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
          fail("no line matching /" + p + "/ on " + stream + " within " + timeout + "\n" + transcript.get());
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

  /** Waits (bounded) until the stream has been read to its end. */
  void awaitEnd() throws InterruptedException {
    reader.join(5_000);
  }

  List<String> texts() {
    synchronized (lines) {
      return lines.stream().map(Line::text).toList();
    }
  }
}
