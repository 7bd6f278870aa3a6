package dev.bugle.core.internal.local;

import dev.bugle.core.LeaseLostException;
import dev.bugle.spi.Checkpoints;
import dev.bugle.spi.Lease;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A held file lock. A watchdog checks that the lock file is still the one we locked: if somebody deletes or
 * replaces it, another process could lock the new file, so ownership is in doubt and the lease is lost.
 */
final class LocalLease implements Lease, Checkpoints {
  private static final Logger LOG = LoggerFactory.getLogger(LocalLease.class);
  /** How often the lock file is checked; a removed or replaced file is noticed within this. */
  private static final long WATCHDOG_MILLIS = 200;

  private final Path lockFile;
  private final Object fileKey;
  private final FileChannel channel;
  private final FileLock fileLock;
  private final StateFile state;
  private final long token;
  private final Runnable onRelease;
  private final AtomicBoolean ended = new AtomicBoolean();
  private final List<Runnable> lossActions = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService watchdog;
  private volatile boolean lost;

  LocalLease(Path lockFile, Object fileKey, FileChannel channel, FileLock fileLock, StateFile state, long token,
      Runnable onRelease) {
    this.lockFile = lockFile;
    this.fileKey = fileKey;
    this.channel = channel;
    this.fileLock = fileLock;
    this.state = state;
    this.token = token;
    this.onRelease = onRelease;
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bugle-local-lock-watchdog");
      t.setDaemon(true);
      return t;
    });
    watchdog.scheduleWithFixedDelay(this::check, WATCHDOG_MILLIS, WATCHDOG_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void check() {
    if (ended.get()) {
      return;
    }
    boolean same;
    try {
      same = fileLock.isValid() && Objects.equals(
          Files.readAttributes(lockFile, BasicFileAttributes.class).fileKey(), fileKey);
    } catch (IOException e) {
      same = false;
    }
    if (!same) {
      lose("lock file " + lockFile + " was removed or replaced");
    }
  }

  private void lose(String why) {
    if (ended.compareAndSet(false, true)) {
      lost = true;
      LOG.warn("local lease lost: {}", why);
      release();
      lossActions.forEach(Runnable::run);
    }
  }

  @Override
  public boolean isValid() {
    return !ended.get();
  }

  @Override
  public long fencingToken() {
    return token;
  }

  @Override
  public void onLost(Runnable action) {
    lossActions.add(action);
    if (lost && lossActions.remove(action)) {
      action.run();
    }
  }

  @Override
  public Checkpoints checkpoints() {
    return this;
  }

  @Override
  public Map<String, Instant> load() {
    try {
      return state.read().checkpoints();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /**
   * A commit that cannot be written is a lost lease: the holder can no longer move the checkpoints, so it must
   * stop firing (a fire sent now would be sent again by the next holder), and a standby, which keeps retrying,
   * takes over once the files can be written again.
   */
  @Override
  public synchronized void commit(Map<String, Instant> fires) {
    if (!isValid()) {
      throw new LeaseLostException("the local lease (token " + token + ") is no longer held");
    }
    long onDisk;
    try {
      onDisk = state.token();
      if (onDisk == token && state.commit(token, fires)) {
        return;
      }
      onDisk = state.token();
    } catch (IOException e) {
      throw failed(e);
    }
    lose("state file holds fencing token " + onDisk + ", ours is " + token);
    throw new LeaseLostException("a newer holder (token " + onDisk + ") owns " + state.path());
  }

  private LeaseLostException failed(IOException e) {
    lose(e.getMessage());
    return new LeaseLostException(e.getMessage() + "; the local lease (token " + token + ") is lost", e);
  }

  @Override
  public void close() {
    if (ended.compareAndSet(false, true)) {
      release();
    }
  }

  private void release() {
    watchdog.shutdown();
    try {
      if (state.token() == token) {
        state.released(token); // inspect() stops naming us; a deposed holder's record would count for nothing
      }
    } catch (IOException e) {
      LOG.debug("cannot record the release in {}: {}", state.path(), e.getMessage());
    }
    try {
      fileLock.release();
      channel.close();
    } catch (IOException e) {
      LOG.debug("releasing {}: {}", lockFile, e.getMessage());
    } finally {
      onRelease.run();
    }
  }
}
