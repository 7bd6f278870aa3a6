package dev.bugle.core.internal;

import dev.bugle.core.LeaseLostException;
import dev.bugle.core.LockException;
import dev.bugle.core.Secrets;
import dev.bugle.spi.Checkpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes acknowledged fires to the lease's checkpoints off the planner's thread, so that a checkpoint store
 * that is briefly down stops no fire while the lease is valid. Commits that wait are coalesced (the latest
 * instant per schedule). A write the store refused ({@link LeaseLostException}) is a lost lease; one that could
 * not be confirmed is retried with backoff while the lease is valid, and is a loss once it is not. A fire
 * that is re-sent because its commit never landed is absorbed by a deduplicating backend.
 *
 * <p>An inline committer ({@code threaded == false}) writes on the caller's thread and retries a failed write
 * at the next {@link #submit}, for tests driven by a settable clock.
 */
final class Committer {
  private static final Logger LOG = LoggerFactory.getLogger(Committer.class);
  private static final Backoff RETRY = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

  private final Checkpoints checkpoints;
  private final BooleanSupplier leaseValid;
  private final Consumer<String> onLost;
  private final Thread thread; // null: inline
  private final Object lock = new Object();
  private Map<String, Instant> pending = new HashMap<>();
  private boolean writing;
  private volatile boolean closed;
  private int failures;

  Committer(Checkpoints checkpoints, BooleanSupplier leaseValid, Consumer<String> onLost, boolean threaded) {
    this.checkpoints = checkpoints;
    this.leaseValid = leaseValid;
    this.onLost = onLost;
    this.thread = threaded ? new Thread(this::loop, "bugle-checkpoints") : null;
    if (thread != null) {
      thread.setDaemon(true);
      thread.start();
    }
  }

  void submit(Map<String, Instant> fires) {
    synchronized (lock) {
      fires.forEach((k, v) -> pending.merge(k, v, (a, b) -> a.isAfter(b) ? a : b));
      lock.notifyAll();
    }
    if (thread == null) {
      writeOnce();
    }
  }

  private void loop() {
    while (!closed) {
      synchronized (lock) {
        while (pending.isEmpty() && !closed) {
          try {
            lock.wait(1_000);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
      if (!writeOnce() && !closed) {
        synchronized (lock) { // a flush at a stop wakes this wait and writes at once
          try {
            lock.wait(RETRY.delay(failures).toMillis());
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }
  }

  /** One write of what is pending; false when it failed and should be retried. */
  private boolean writeOnce() {
    Map<String, Instant> batch;
    synchronized (lock) {
      if (pending.isEmpty() || writing) {
        return true;
      }
      batch = pending;
      pending = new HashMap<>();
      writing = true;
    }
    try {
      checkpoints.commit(batch);
      if (failures > 0) {
        LOG.info("checkpoints written again after {} failed attempt(s)", failures);
      }
      failures = 0;
      return true;
    } catch (LeaseLostException e) {
      onLost.accept("checkpoint write refused: " + Secrets.maskUrls(String.valueOf(e.getMessage())));
      return true;
    } catch (LockException e) {
      failures++;
      synchronized (lock) {
        batch.forEach((k, v) -> pending.merge(k, v, (a, b) -> a.isAfter(b) ? a : b));
      }
      if (!leaseValid.getAsBoolean()) {
        onLost.accept("checkpoint write failed and the lease is no longer valid: "
            + Secrets.maskUrls(String.valueOf(e.getMessage())));
      } else if (failures == 1 || failures % 30 == 0) {
        LOG.warn("checkpoint write failed (attempt {}), retrying while the lease is valid: {}", failures,
            Secrets.maskUrls(String.valueOf(e.getMessage())));
      }
      return false;
    } finally {
      synchronized (lock) {
        writing = false;
        lock.notifyAll();
      }
    }
  }

  /**
   * Writes what is pending, waiting up to {@code bound}; then stops. Returns false when something was left
   * unwritten (its fires are sent again by the next leader, with their ids).
   */
  boolean flushAndClose(Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    if (thread == null && !bound.isZero()) {
      writeOnce();
    }
    synchronized (lock) {
      while ((!pending.isEmpty() || writing) && System.nanoTime() - deadline < 0 && leaseValid.getAsBoolean()) {
        lock.notifyAll();
        try {
          lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      closed = true;
      lock.notifyAll();
      return pending.isEmpty() && !writing;
    }
  }

}
