package dev.bugle.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * One test's directory: a config file and the local lock's directory ({@code bugle.lock.local.dir}), so that
 * tests running at the same time never share a lock. The test JVM can hold the lock itself: it is another
 * process for the OS, so a bugle process contends with it exactly as with another bugle.
 */
record Workspace(Path dir) {
  static final String NAMESPACE = "it";

  /** The lock's directory; the lock file is {@code NAMESPACE.lock} in it. */
  Path lockDir() {
    return dir.resolve("lock");
  }

  Path lockFile() {
    return lockDir().resolve(NAMESPACE + ".lock");
  }

  /** Writes {@code NAME.properties}: the namespace, the local lock in {@link #lockDir()}, then {@code lines}. */
  Path config(String name, String... lines) {
    StringBuilder sb = new StringBuilder()
        .append("bugle.namespace=").append(NAMESPACE).append('\n')
        .append("bugle.lock=local\n")
        .append("bugle.lock.local.dir=").append(lockDir().toString().replace("\\", "/")).append('\n');
    for (String line : lines) {
      sb.append(line).append('\n');
    }
    Path file = dir.resolve(name + ".properties");
    try {
      Files.writeString(file, sb, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** A config with one schedule, {@code tick}, firing every second through the {@code log} enqueuer. */
  Path tickingConfig(String... extraLines) {
    String[] lines = new String[extraLines.length + 3];
    lines[0] = "bugle.schedule.tick.every=1s";
    lines[1] = "bugle.schedule.tick.job=TickJob";
    lines[2] = "bugle.schedule.tick.args=[\"USD\", 2]";
    System.arraycopy(extraLines, 0, lines, 3, extraLines.length);
    return config("tick", lines);
  }

  /** Takes the local lock in this JVM (as a rival process would) and holds it until closed. */
  HeldLock holdLock() {
    return tryLock().orElseThrow(() -> new AssertionError("the lock " + lockFile() + " is held by another process"));
  }

  /** Takes the lock if it is free now. */
  Optional<HeldLock> tryLock() {
    try {
      Files.createDirectories(lockDir());
      FileChannel ch = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = ch.tryLock();
      if (lock == null) {
        ch.close();
        return Optional.empty();
      }
      return Optional.of(new HeldLock(ch));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls the lock until it can be taken; returns it and the {@link System#nanoTime()} it was taken at. */
  HeldLock awaitLock(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() - deadline < 0) {
      Optional<HeldLock> held = tryLock();
      if (held.isPresent()) {
        return held.get();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the lock " + lockFile() + " was not released within " + timeout);
  }

  /** The lock held by the test JVM. */
  static final class HeldLock implements AutoCloseable {
    private final FileChannel channel;
    final long takenAt = System.nanoTime();

    private HeldLock(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
