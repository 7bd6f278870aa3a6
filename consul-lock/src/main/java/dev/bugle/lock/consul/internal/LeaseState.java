package dev.bugle.lock.consul.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local truth about one lease: valid until the monotonic deadline (send time of the last good renew +
 * TTL), unless lost or closed before. Loss runs the registered actions once; validity never comes back.
 */
public final class LeaseState {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseState.class);
  private final LongSupplier ticker;
  private final long ttlNanos;
  private final List<Runnable> actions = new ArrayList<>();
  private volatile long deadline;
  private volatile boolean lost;
  private volatile boolean closed;
  private String reason;

  /** A lease whose session was created (or last renewed) by a request sent at {@code sentAt}. */
  public LeaseState(LongSupplier ticker, long ttlNanos, long sentAt) {
    this.ticker = ticker;
    this.ttlNanos = ttlNanos;
    this.deadline = sentAt + ttlNanos;
  }

  public boolean isValid() {
    return !lost && !closed && ticker.getAsLong() - deadline < 0;
  }

  /** True once lost or closed: the threads of the lease stop. */
  public boolean done() {
    return lost || closed;
  }

  public boolean closed() {
    return closed;
  }

  /** Nanoseconds left until the deadline; 0 or less means past it. */
  public long remainingNanos() {
    return deadline - ticker.getAsLong();
  }

  /** A renew sent at {@code sentAt} succeeded. Too late (past the deadline) counts as a loss. */
  public void renewed(long sentAt) {
    synchronized (this) {
      if (done()) {
        return;
      }
      if (isValid()) {
        deadline = Math.max(deadline, sentAt + ttlNanos);
        return;
      }
    }
    lose("no successful renew within the TTL");
  }

  /** Ownership ended without close(): runs every action once, on the calling (lock-owned) thread. */
  public void lose(String why) {
    List<Runnable> run;
    synchronized (this) {
      if (done()) {
        return;
      }
      lost = true;
      reason = why;
      run = new ArrayList<>(actions);
      actions.clear();
    }
    LOG.warn("Consul lock lost: {}", why);
    run.forEach(LeaseState::runQuietly);
  }

  public void onLost(Runnable action) {
    synchronized (this) {
      if (!lost) {
        actions.add(action);
        return;
      }
    }
    runQuietly(action);
  }

  /** Marks the lease closed; true the first time. Never runs the loss actions. */
  public synchronized boolean close() {
    if (closed) {
      return false;
    }
    closed = true;
    actions.clear();
    return true;
  }

  /** Why the lease was lost, for messages; null while it is not. */
  public synchronized String lossReason() {
    return reason;
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.error("onLost action failed", e);
    }
  }
}
