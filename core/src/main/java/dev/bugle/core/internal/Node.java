package dev.bugle.core.internal;

import dev.bugle.core.Bugle.Outcome;
import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.core.LockException;
import dev.bugle.core.Reconfiguration;
import dev.bugle.core.Secrets;
import dev.bugle.core.event.NodeState;
import dev.bugle.core.event.StateChange;
import dev.bugle.spi.Controls;
import dev.bugle.spi.Lease;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle behind {@link dev.bugle.core.Bugle}: STANDBY (the lock's acquire) → LEADING (a {@link Scheduler}
 * for the lease, with a {@link PauseWatch}) → stopped, lost (exit, or back to STANDBY with
 * {@code on-lost=recontend}) or not acquired. Every state change goes to the listeners. A stop that was asked for
 * is a stop, even when the lease could not be released cleanly.
 */
public final class Node {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);
  private static final Duration FOREVER = Duration.ofDays(36_500);
  /** How long a retired enqueuer is kept after a reload, so that a send in flight through it can finish. */
  private static final Duration RETIRE_AFTER = Duration.ofSeconds(10);

  private final InstantSource clock;
  private final Backoff backoff;
  private final EventBus events;
  private final Heartbeat heartbeat;
  private volatile BugleConfig config;
  private volatile Components parts;
  private volatile NodeState state = NodeState.STARTING;
  private volatile boolean stopping;
  private volatile boolean inStandby;
  private volatile Thread runner;
  private volatile Scheduler current;

  public Node(BugleConfig config, Components parts, InstantSource clock, Backoff backoff, EventBus events,
      Heartbeat heartbeat) {
    this.config = config;
    this.parts = parts;
    this.clock = clock;
    this.backoff = backoff;
    this.events = events;
    this.heartbeat = heartbeat;
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
      Optional<Controls> controls = parts.lock().controls();
      PauseWatch pauses = null;
      try {
        if (!stopping) {
          Map<String, String> records = controls.map(Node::loadControls).orElse(Map.of());
          scheduler.start(PauseWatch.parse(records));
          if (controls.isPresent()) {
            pauses = new PauseWatch(controls.get(), scheduler, records);
            pauses.start();
          }
          scheduler.runLoop();
        }
      } catch (LockException e) {
        // The start-up checkpoint read failed: ownership can no longer be proven.
        scheduler.markLost(e.getMessage());
      } finally {
        scheduler.shutDown(); // also when start() failed: no lane or committer thread is left behind
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
  private static Map<String, String> loadControls(Controls controls) {
    try {
      return controls.load();
    } catch (RuntimeException e) {
      LOG.warn("cannot read the pause records at take-over: {}",
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
            LOG.warn("closing a retired enqueuer: {}",
                Secrets.maskUrls(String.valueOf(ex.getMessage())));
          }
        });
      }, "bugle-retire");
      closer.setDaemon(true);
      closer.start();
    }
  }


  /** Stops firing and releases the lease; {@link #run()} returns {@code STOPPED}. Any thread. */
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

  public NodeState state() {
    return state;
  }

  public BugleConfig config() {
    return config;
  }

  public Components parts() {
    return parts;
  }

  /** True once {@link #run()} was called. */
  public boolean started() {
    return runner != null;
  }
}
