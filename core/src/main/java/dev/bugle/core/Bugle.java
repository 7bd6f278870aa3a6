package dev.bugle.core;

import dev.bugle.core.internal.Backoff;
import dev.bugle.core.internal.Durations;
import dev.bugle.core.internal.Scheduler;
import dev.bugle.spi.Lease;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Bugle node: STANDBY (waiting for the lock) → LEADING (firing) → stopped. Each state change is one log
 * line. {@link #run()} blocks and says how it ended; the command line turns that into an exit code.
 *
 * <pre>{@code
 * BugleConfig config = ConfigLoader.load(Path.of("bugle.properties"), Map.of(), System.getenv());
 * try (Components parts = Components.assemble(config, Providers.load(loader), InstantSource.system())) {
 *   Bugle bugle = new Bugle(config, parts, InstantSource.system());
 *   Bugle.Outcome outcome = bugle.run(); // bugle.stop() from another thread ends it
 * }
 * }</pre>
 */
public final class Bugle {
  private static final Logger LOG = LoggerFactory.getLogger(Bugle.class);
  private static final Duration FOREVER = Duration.ofDays(36_500);

  /** How {@link #run()} ended. */
  public enum Outcome {
    /** {@link #stop()} was called; the lease was released for an immediate handover. */
    STOPPED,
    /** The lock was not acquired within {@code bugle.lock.wait}. */
    NOT_ACQUIRED,
    /** The lease was lost and {@code bugle.lock.on-lost=exit}. */
    LOST
  }

  private final BugleConfig config;
  private final Components parts;
  private final InstantSource clock;
  private final Backoff backoff;
  private volatile boolean stopping;
  private volatile boolean inStandby;
  private volatile Thread runner;
  private volatile Scheduler current;

  public Bugle(BugleConfig config, Components parts, InstantSource clock) {
    this(config, parts, clock, Backoff.DEFAULT);
  }

  Bugle(BugleConfig config, Components parts, InstantSource clock, Backoff backoff) {
    this.config = config;
    this.parts = parts;
    this.clock = clock;
    this.backoff = backoff;
  }

  public Outcome run() throws InterruptedException {
    runner = Thread.currentThread();
    while (!stopping) {
      Optional<Lease> acquired = standby();
      if (acquired.isEmpty()) {
        if (stopping) {
          break;
        }
        LOG.warn("standby: lock not acquired within {}; giving up", config.lockWait().map(Durations::format).orElse(""));
        return Outcome.NOT_ACQUIRED;
      }
      Lease lease = acquired.get();
      LOG.info("leading: acquired the {} lock with fencing token {}", config.lockType(), lease.fencingToken());
      Scheduler scheduler = new Scheduler(config.schedules(), parts.enqueuers(), lease, config.namespace(), clock,
          backoff);
      current = scheduler;
      lease.onLost(() -> scheduler.markLost("the lock service ended our ownership"));
      try {
        if (!stopping) {
          scheduler.start();
          scheduler.runLoop();
        }
      } catch (LockException e) {
        // The start-up checkpoint read or write failed: ownership can no longer be proven.
        scheduler.markLost(e.getMessage());
      } finally {
        current = null;
      }
      lease.close();
      if (!scheduler.isLost()) {
        break;
      }
      LOG.warn("lost: stopped firing (fencing token {})", lease.fencingToken());
      if (config.onLost() == BugleConfig.OnLost.EXIT) {
        return Outcome.LOST;
      }
    }
    LOG.info("stopped: lock released");
    return Outcome.STOPPED;
  }

  private Optional<Lease> standby() throws InterruptedException {
    LOG.info("standby: waiting for the {} lock (wait {})", config.lockType(),
        config.lockWait().map(Durations::format).orElse("forever"));
    inStandby = true;
    try {
      return parts.lock().acquire(config.lockWait().orElse(FOREVER));
    } catch (InterruptedException e) {
      if (stopping) {
        return Optional.empty();
      }
      throw e;
    } catch (LockException e) {
      // stop() interrupts the standby; a lock whose client reports that as an I/O failure was still stopped.
      if (stopping) {
        LOG.debug("standby: acquire ended by the stop: {}", e.getMessage());
        return Optional.empty();
      }
      throw e;
    } finally {
      inStandby = false;
      Thread.interrupted(); // a stop() that raced with the end of acquire must not leak into the scheduler
    }
  }

  /** Stops firing, releases the lease and makes {@link #run()} return {@link Outcome#STOPPED}. Any thread. */
  public void stop() {
    stopping = true;
    Scheduler s = current;
    if (s != null) {
      s.stop();
    }
    Thread t = runner;
    if (t != null && inStandby) {
      t.interrupt();
    }
  }
}
