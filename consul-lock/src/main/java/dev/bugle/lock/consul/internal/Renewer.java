package dev.bugle.lock.consul.internal;

import dev.bugle.core.LockException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the session every TTL/3 (sooner after a failed try) and watches the local deadline: when it passes
 * without a good renew, or Consul answers 404, the lease is lost. Two threads, so that a hung renew cannot
 * delay the deadline check.
 */
public final class Renewer {
  private static final Logger LOG = LoggerFactory.getLogger(Renewer.class);
  private final ConsulApi api;
  private final String session;
  private final LeaseState state;
  private final LongSupplier ticker;
  private final long periodNanos;
  private final long retryNanos;
  private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "bugle-consul-renew");
    t.setDaemon(true);
    return t;
  });

  public Renewer(ConsulApi api, String session, LeaseState state, LongSupplier ticker, Duration ttl) {
    this.api = api;
    this.session = session;
    this.state = state;
    this.ticker = ticker;
    this.periodNanos = ttl.toNanos() / 3;
    this.retryNanos = Math.max(ttl.toNanos() / 10, TimeUnit.MILLISECONDS.toNanos(50));
  }

  public void start() {
    schedule(this::renew, periodNanos);
    schedule(this::checkDeadline, Math.max(state.remainingNanos(), 0));
  }

  private void renew() {
    if (state.done()) {
      return;
    }
    long sent = ticker.getAsLong();
    long next = periodNanos;
    try {
      if (api.renew(session)) {
        state.renewed(sent);
      } else {
        state.lose("Consul no longer knows session " + session + " (renew answered 404)");
        return;
      }
    } catch (LockException e) {
      LOG.warn("{}; retrying while the lease is valid", e.getMessage());
      next = retryNanos;
    }
    schedule(this::renew, next);
  }

  private void checkDeadline() {
    if (state.done()) {
      return;
    }
    long left = state.remainingNanos();
    if (left <= 0) {
      state.lose("no successful renew within the TTL; Consul may already have given the lock away");
    } else {
      schedule(this::checkDeadline, left);
    }
  }

  private void schedule(Runnable task, long delayNanos) {
    if (!threads.isShutdown()) {
      try {
        threads.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // stopped meanwhile
      }
    }
  }

  public void stop() {
    threads.shutdownNow();
  }
}
