package dev.bugle.lock.consul;

import dev.bugle.core.LockException;
import dev.bugle.lock.consul.internal.ConsulApi;
import dev.bugle.lock.consul.internal.Holder;
import dev.bugle.lock.consul.internal.KeyState;
import dev.bugle.lock.consul.internal.Waits;
import dev.bugle.spi.Lease;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code acquire(maxWait)}: try when the key is free; while another session holds it, block on its index
 * (no polling); when Consul refuses a free key, a lock-delay is running, so retry when it should have ended
 * (seen free + our lock-delay). A standby owns nothing, so a failure to reach Consul is retried with backoff
 * until the deadline. It names the holder it waits for once per holder (session), not per blocking round.
 */
final class Standby {
  private static final Logger LOG = LoggerFactory.getLogger(Standby.class);
  private static final long SECOND = 1_000_000_000L;
  private static final long MAX_BLOCK = 30 * SECOND;

  /** One attempt to take the key: empty when Consul said no. */
  interface Attempt {
    Optional<Lease> tryAcquire();
  }

  private final ConsulApi consul;
  private final LongSupplier ticker;
  private final BooleanSupplier closed;
  private final Attempt attempt;
  private final long lockDelay;
  private final long deadline;
  private long retryAt;
  private long freeSeenAt = Long.MIN_VALUE;
  private long backoff = SECOND / 10;
  private String announced;

  Standby(ConsulApi consul, LongSupplier ticker, BooleanSupplier closed, Attempt attempt, Duration maxWait) {
    this.consul = consul;
    this.ticker = ticker;
    this.closed = closed;
    this.attempt = attempt;
    this.lockDelay = consul.settings().lockDelay().toNanos();
    this.retryAt = ticker.getAsLong();
    this.deadline = retryAt + Waits.nanos(maxWait);
  }

  Optional<Lease> run() throws InterruptedException {
    KeyState key = null;
    while (!closed.getAsBoolean()) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting for " + consul.settings().key());
      }
      try {
        if (key == null) {
          key = consul.read(0, Duration.ZERO);
        }
        if (key.free()) {
          Optional<Lease> lease = whenFree();
          if (lease.isPresent() || deadline - ticker.getAsLong() <= 0) {
            return lease;
          }
          key = null;
        } else {
          announce(key);
          if (deadline - ticker.getAsLong() <= 0) {
            return Optional.empty();
          }
          key = whileHeld(key);
        }
        backoff = SECOND / 10;
      } catch (LockException e) {
        long left = deadline - ticker.getAsLong();
        if (closed.getAsBoolean() || left <= 0) {
          throw e;
        }
        LOG.warn("standby: {}; retrying", e.getMessage());
        Waits.sleepNanos(Math.min(backoff, left));
        backoff = Math.min(backoff * 2, 2 * SECOND);
        key = null;
      }
    }
    return Optional.empty();
  }

  private void announce(KeyState held) {
    if (!held.session().equals(announced)) {
      announced = held.session();
      LOG.info("standby: the lock {} is held by {}", consul.settings().key(),
          Holder.describe(held.value(), held.session()));
    }
  }

  private Optional<Lease> whenFree() throws InterruptedException {
    long now = ticker.getAsLong();
    if (now - retryAt < 0 && deadline - now > 0) {
      Waits.sleepNanos(Math.min(retryAt, deadline) - now);
      return Optional.empty();
    }
    Optional<Lease> lease = attempt.tryAcquire();
    if (lease.isEmpty() && consul.read(0, Duration.ZERO).free()) { // refused although free: a lock-delay
      long left = freeSeenAt != Long.MIN_VALUE ? freeSeenAt + lockDelay - now : Math.min(lockDelay, SECOND);
      retryAt = now + Math.max(SECOND / 10, Math.min(left, Math.max(lockDelay, SECOND)));
    }
    return lease;
  }

  /** Blocks until the key changes (or a second before the deadline, sleeps it out); the key's new state. */
  private KeyState whileHeld(KeyState key) throws InterruptedException {
    long remaining = deadline - ticker.getAsLong();
    KeyState next;
    if (remaining < SECOND) {
      Waits.sleepNanos(remaining);
      next = consul.read(0, Duration.ZERO);
    } else {
      next = consul.readInterruptibly(key.index(), Duration.ofNanos(Math.min(remaining, MAX_BLOCK)));
    }
    if (next.free()) {
      freeSeenAt = ticker.getAsLong();
      retryAt = freeSeenAt;
    }
    return next;
  }
}
