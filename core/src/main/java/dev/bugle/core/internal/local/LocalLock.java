package dev.bugle.core.internal.local;

import dev.bugle.core.LockException;
import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.Lease;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link LeaderLock} on an OS file lock; see {@link LocalLockProvider}. */
final class LocalLock implements LeaderLock {
  /** File locks are per process; this set makes contenders inside one JVM exclude each other too. */
  private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();
  private static final long MAX_RETRY_MILLIS = 250;

  private final Path lockFile;
  private final StateFile state;
  private volatile LocalLease current;

  LocalLock(Path lockFile, Path stateFile) {
    this.lockFile = lockFile.toAbsolutePath().normalize();
    this.state = new StateFile(stateFile.toAbsolutePath().normalize());
  }

  @Override
  public Optional<Lease> acquire(Duration maxWait) throws InterruptedException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    long pause = 10;
    while (true) {
      Optional<Lease> lease = tryOnce();
      if (lease.isPresent() || System.nanoTime() - deadline >= 0) {
        return lease;
      }
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      Thread.sleep(Math.min(pause, left));
      pause = Math.min(MAX_RETRY_MILLIS, pause * 2);
    }
  }

  private Optional<Lease> tryOnce() throws InterruptedException {
    if (!HELD_IN_THIS_JVM.add(lockFile)) {
      return Optional.empty();
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(lockFile.getParent());
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock fileLock = channel.tryLock();
      if (fileLock == null) {
        channel.close();
        HELD_IN_THIS_JVM.remove(lockFile);
        return Optional.empty();
      }
      Object fileKey = Files.readAttributes(lockFile, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
      StateFile.State s = state.read();
      long token = s.fencingToken() + 1;
      state.write(new StateFile.State(token, s.checkpoints()));
      LocalLease lease = new LocalLease(lockFile, fileKey, channel, fileLock, state, token,
          () -> HELD_IN_THIS_JVM.remove(lockFile));
      current = lease;
      return Optional.of(lease);
    } catch (ClosedByInterruptException e) {
      // A stop() interrupts a standby wherever it is, also inside the channel calls here (open, lock, the state
      // file's fsync): that is a stop, not a lock failure. Nothing is held any more; the state file is intact.
      closeQuietly(channel);
      HELD_IN_THIS_JVM.remove(lockFile);
      InterruptedException stop = new InterruptedException("interrupted while locking " + lockFile);
      stop.initCause(e);
      throw stop;
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      HELD_IN_THIS_JVM.remove(lockFile);
      return Optional.empty();
    } catch (IOException e) {
      closeQuietly(channel);
      HELD_IN_THIS_JVM.remove(lockFile);
      throw new LockException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
    }
  }

  @Override
  public Optional<dev.bugle.spi.Controls> controls() {
    String name = lockFile.getFileName().toString().replaceFirst("\\.lock$", "");
    return Optional.of(new LocalControls(lockFile.resolveSibling(name + ".controls.json")));
  }

  @Override
  public void close() {
    LocalLease lease = current;
    if (lease != null) {
      lease.close();
    }
  }

  @Override
  public String toString() {
    return "local lock " + lockFile;
  }
}
