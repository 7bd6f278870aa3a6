package dev.bugle.core.internal.local;

import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.Lease;
import dev.bugle.spi.LockStatus;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LeaderLock} on an OS file lock; see {@link LocalLockProvider}. An I/O error while contending (a
 * read-only or full disk) is not the end of a standby: it logs why (at most every 30 s) and keeps retrying, so
 * that it leads once the files can be written again.
 */
final class LocalLock implements LeaderLock {
  private static final Logger LOG = LoggerFactory.getLogger(LocalLock.class);
  /** File locks are per process; this set makes contenders inside one JVM exclude each other too. */
  private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();
  private static final long MAX_RETRY_MILLIS = 250;

  private final Path lockFile;
  private final StateFile state;
  private final InstantSource clock;
  private final Throttle ioProblems = new Throttle(Throttle.PERIOD_NANOS);
  private volatile LocalLease current;

  /** The lock {@code DIR/NAMESPACE.lock} and its state {@code DIR/NAMESPACE.state.json} and {@code .state.log}. */
  LocalLock(Path dir, String namespace, InstantSource clock) {
    Path d = dir.toAbsolutePath().normalize();
    this.lockFile = d.resolve(namespace + ".lock");
    this.state = new StateFile(d.resolve(namespace + ".state.json"));
    this.clock = clock;
  }

  @Override
  public Optional<Lease> acquire(Duration maxWait) throws InterruptedException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    long pause = 10;
    boolean told = false;
    while (true) {
      Optional<Lease> lease;
      boolean held = true;
      try {
        lease = tryOnce();
      } catch (IOException e) {
        report(e);
        lease = Optional.empty();
        held = false;
      }
      if (lease.isPresent()) {
        LOG.info("local lock at {}: acquired with fencing token {}", lockFile, lease.get().fencingToken());
        return lease;
      }
      if (System.nanoTime() - deadline >= 0) {
        return lease;
      }
      if (held && !told) {
        told = true;
        LOG.info("local lock at {}: waiting for {}", lockFile, Inspection.waitingFor(inspect()));
      }
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      Thread.sleep(Math.min(pause, left));
      pause = Math.min(MAX_RETRY_MILLIS, pause * 2);
    }
  }

  private void report(IOException e) {
    long held = ioProblems.pass(System.nanoTime());
    if (held >= 0) {
      LOG.warn("local lock at {}: {}; retrying until it can be written (logged at most every 30 s{})", lockFile,
          e.getMessage(), held == 0 ? "" : "; " + held + " more since the last line");
    }
  }

  private Optional<Lease> tryOnce() throws InterruptedException, IOException {
    if (!HELD_IN_THIS_JVM.add(lockFile)) {
      return Optional.empty();
    }
    FileChannel channel = null;
    try {
      channel = LockFile.open(lockFile);
      FileLock fileLock = LockFile.tryLock(channel, lockFile);
      if (fileLock == null) {
        channel.close();
        HELD_IN_THIS_JVM.remove(lockFile);
        return Optional.empty();
      }
      Object fileKey = Files.readAttributes(lockFile, BasicFileAttributes.class).fileKey();
      StateFile.State s = state.read();
      if (s.fencingToken() == 0) {
        LOG.warn("no checkpoints found in {}: the state was wiped or this is the first run; schedules are planned"
            + " from now", lockFile.getParent());
      }
      Instant now = clock.instant();
      long token = nextToken(s.fencingToken(), now);
      state.write(new StateFile.State(token, s.checkpoints(), Holder.self(now)));
      LocalLease lease = new LocalLease(lockFile, fileKey, channel, fileLock, state, token,
          () -> HELD_IN_THIS_JVM.remove(lockFile));
      current = lease;
      return Optional.of(lease);
    } catch (ClosedByInterruptException e) {
      // A stop() interrupts a standby wherever it is, also inside the channel calls here (open, lock, the state
      // file's fsync): that is a stop, not a lock failure. Nothing is held any more; the state file is intact.
      LockFile.closeQuietly(channel);
      HELD_IN_THIS_JVM.remove(lockFile);
      InterruptedException stop = new InterruptedException("interrupted while locking " + lockFile);
      stop.initCause(e);
      throw stop;
    } catch (OverlappingFileLockException e) {
      LockFile.closeQuietly(channel);
      HELD_IN_THIS_JVM.remove(lockFile);
      return Optional.empty();
    } catch (IOException e) {
      LockFile.closeQuietly(channel); // the OS lock goes with the channel: a standby that cannot write holds nothing
      HELD_IN_THIS_JVM.remove(lockFile);
      throw e;
    }
  }

  /**
   * The stored token plus one, but at least the wall clock in microseconds since the epoch: a holder that finds
   * the state wiped (or a first holder) still gets a token above every earlier holder's, as long as the clock did
   * not step back further than the wipe came later. With the state intact, tokens grow whatever the clock does.
   */
  static long nextToken(long stored, Instant now) {
    long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
    return Math.max(stored + 1, micros);
  }

  /** See {@link Inspection}. */
  @Override
  public LockStatus inspect() {
    return Inspection.of(state);
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
