package dev.bugle.core;

import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.NodeState;
import dev.bugle.core.event.StateChange;
import dev.bugle.core.internal.Backoff;
import dev.bugle.core.internal.Durations;
import dev.bugle.core.internal.EventBus;
import dev.bugle.core.internal.Heartbeat;
import dev.bugle.core.internal.LoggingListener;
import dev.bugle.core.internal.Scheduler;
import dev.bugle.spi.Lease;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One Bugle node: STANDBY (waiting for the lock) → LEADING (firing) → stopped. Every state change and fire
 * outcome goes to the listeners ({@link #addListener}); the node's log is one of them. {@link #run()} blocks
 * and says how it ended; the command line turns that into an exit code.
 *
 * <pre>{@code
 * BugleConfig config = ConfigLoader.load(Path.of("bugle.properties"), Map.of(), System.getenv());
 * try (Components parts = Components.assemble(config, Providers.load(loader), InstantSource.system())) {
 *   parts.open();
 *   Bugle bugle = new Bugle(config, parts, InstantSource.system());
 *   Bugle.Outcome outcome = bugle.run(); // bugle.stop() from another thread ends it
 * }
 * }</pre>
 */
public final class Bugle {
  private static final Duration FOREVER = Duration.ofDays(36_500);
  /** How long a retired enqueuer is kept after a reload, so that a send in flight through it can finish. */
  private static final Duration RETIRE_AFTER = Duration.ofSeconds(10);

  /** How {@link #run()} ended. */
  public enum Outcome {
    /** {@link #stop()} was called; the lease was released for an immediate handover (or could not be). */
    STOPPED,
    /** The lock was not acquired within {@code bugle.lock.wait}. */
    NOT_ACQUIRED,
    /** The lease was lost and {@code bugle.lock.on-lost=exit}. */
    LOST
  }

  private volatile BugleConfig config;
  private volatile Components parts;
  private final InstantSource clock;
  private final Backoff backoff;
  private final EventBus events = EventBus.async();
  private final Heartbeat heartbeat = new Heartbeat(System::nanoTime);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile NodeState state = NodeState.STARTING;
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
    events.add(new LoggingListener());
  }

  /** Adds a listener; events that happened before it was added are not replayed. Any thread. */
  public void addListener(BugleListener listener) {
    events.add(listener);
  }

  /** Where the node is now. */
  public NodeState state() {
    return state;
  }

  /** How long since the node's main loop last showed life (zero while a standby waits inside the lock). */
  public Duration heartbeatAge() {
    return heartbeat.age();
  }

  public Outcome run() throws InterruptedException {
    runner = Thread.currentThread();
    String how = "failed";
    try {
      Outcome outcome = lifecycle();
      how = switch (outcome) {
        case STOPPED -> "lock released";
        case NOT_ACQUIRED -> "the lock was not acquired";
        case LOST -> "after losing the lock";
      };
      return outcome;
    } finally {
      change(NodeState.STOPPED, OptionalLong.empty(), how);
      events.close(Duration.ofMillis(500));
      ended.countDown();
    }
  }

  private Outcome lifecycle() throws InterruptedException {
    while (!stopping) {
      Optional<Lease> acquired = standby();
      if (acquired.isEmpty()) {
        if (stopping) {
          break;
        }
        change(NodeState.STOPPING, OptionalLong.empty(), "lock not acquired within "
            + config.lockWait().map(Durations::format).orElse("") + "; giving up");
        return Outcome.NOT_ACQUIRED;
      }
      Lease lease = acquired.get();
      OptionalLong token = OptionalLong.of(lease.fencingToken());
      change(NodeState.LEADING, token, "acquired the " + config.lockType() + " lock with fencing token "
          + lease.fencingToken());
      Scheduler scheduler;
      synchronized (this) { // a reload sees either the old configuration and no scheduler, or this scheduler
        scheduler = new Scheduler(config.schedules(), parts.enqueuers(), lease, config.namespace(), clock, backoff,
            events, heartbeat);
        current = scheduler;
      }
      lease.onLost(() -> scheduler.markLost("the lock service ended our ownership"));
      java.util.Optional<dev.bugle.spi.Controls> controls = parts.lock().controls();
      dev.bugle.core.internal.PauseWatch pauses = null;
      try {
        if (!stopping) {
          Map<String, String> records = controls.map(Bugle::loadControls).orElse(Map.of());
          scheduler.start(dev.bugle.core.internal.PauseWatch.parse(records));
          if (controls.isPresent()) {
            pauses = new dev.bugle.core.internal.PauseWatch(controls.get(), scheduler, records);
            pauses.start();
          }
          scheduler.runLoop();
        }
      } catch (LockException e) {
        // The start-up checkpoint read failed: ownership can no longer be proven.
        scheduler.markLost(e.getMessage());
      } finally {
        current = null;
        if (pauses != null) {
          pauses.close();
        }
      }
      if (stopping) {
        change(NodeState.STOPPING, token, "releasing the lock");
      }
      lease.close();
      if (stopping || !scheduler.isLost()) {
        break; // a stop that was asked for is a stop, even if the lease could not be released cleanly
      }
      change(NodeState.LOST, token, "stopped firing (fencing token " + lease.fencingToken() + ")");
      if (config.onLost() == BugleConfig.OnLost.EXIT) {
        return Outcome.LOST;
      }
    }
    return Outcome.STOPPED;
  }

  /** The pause records at take-over; a store that cannot be read then means none are known yet. */
  private static Map<String, String> loadControls(dev.bugle.spi.Controls controls) {
    try {
      return controls.load();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(Bugle.class).warn("cannot read the pause records at take-over: {}",
          Secrets.maskUrls(String.valueOf(e.getMessage())));
      return Map.of();
    }
  }

  private Optional<Lease> standby() throws InterruptedException {
    change(NodeState.STANDBY, OptionalLong.empty(), "waiting for the " + config.lockType() + " lock (wait "
        + config.lockWait().map(Durations::format).orElse("forever") + ")");
    inStandby = true;
    heartbeat.waiting(true);
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
        return Optional.empty();
      }
      throw e;
    } finally {
      heartbeat.waiting(false);
      inStandby = false;
      Thread.interrupted(); // a stop() that raced with the end of acquire must not leak into the scheduler
    }
  }

  private void change(NodeState next, OptionalLong token, String detail) {
    state = next;
    events.onStateChange(new StateChange(clock.instant(), next, config.lockType(), token, Optional.of(detail)));
  }

  /**
   * Replaces the configuration without a restart and without releasing the lease: a leader re-plans at once
   * (see {@link Scheduler#replace}), a standby takes over with the new one. Enqueuers the new configuration no
   * longer uses are closed once a send in flight through them had time to finish. Any thread.
   */
  public synchronized void reload(Reconfiguration next) {
    config = next.config();
    parts = next.parts();
    Scheduler s = current;
    if (s != null) {
      s.replace(next.config().schedules(), next.parts().enqueuers());
    }
    if (!next.retired().isEmpty()) {
      Thread closer = new Thread(() -> {
        try {
          Thread.sleep(RETIRE_AFTER.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        next.retired().forEach(e -> {
          try {
            e.close();
          } catch (Exception ex) {
            org.slf4j.LoggerFactory.getLogger(Bugle.class).warn("closing a retired enqueuer: {}",
                Secrets.maskUrls(String.valueOf(ex.getMessage())));
          }
        });
      }, "bugle-retire");
      closer.setDaemon(true);
      closer.start();
    }
  }

  /** The configuration running now (after reloads). */
  public BugleConfig config() {
    return config;
  }

  /** The parts running now (after reloads): the lock and the enqueuers. */
  public Components parts() {
    return parts;
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

  /**
   * Waits up to {@code bound} for {@link #run()} to return (after {@link #stop()}, a loss or a failure). A
   * shutdown hook calls {@code stop()} then this, so that the JVM exits only once the lock is released.
   *
   * @return true when run() has returned (or never started)
   */
  public boolean awaitStopped(Duration bound) throws InterruptedException {
    return runner == null || ended.await(bound.toMillis(), TimeUnit.MILLISECONDS);
  }
}
