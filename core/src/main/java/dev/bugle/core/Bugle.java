package dev.bugle.core;

import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.NodeState;
import dev.bugle.core.event.ReloadEvent;
import java.util.List;
import dev.bugle.core.internal.Backoff;
import dev.bugle.core.internal.Durations;
import dev.bugle.core.internal.EventBus;
import dev.bugle.core.internal.Heartbeat;
import dev.bugle.core.internal.LoggingListener;
import dev.bugle.core.internal.Node;
import dev.bugle.core.internal.ScheduleBook;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
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
public final class Bugle implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Bugle.class);
  /** How long {@link #close()} waits for the node to stop and release its lock. */
  public static final Duration CLOSE_BOUND = Duration.ofSeconds(5);

  /** How {@link #run()} ended. */
  public enum Outcome {
    /** {@link #stop()} was called; the lease was released for an immediate handover (or could not be). */
    STOPPED,
    /** The lock was not acquired within {@code bugle.lock.wait}. */
    NOT_ACQUIRED,
    /** The lease was lost and {@code bugle.lock.on-lost=exit}. */
    LOST
  }

  private final EventBus events = EventBus.async();
  private final Heartbeat heartbeat = new Heartbeat(System::nanoTime);
  private final CountDownLatch ended = new CountDownLatch(1);
  private final ScheduleBook book = new ScheduleBook();
  private final Node node;
  private final InstantSource clock;
  private final boolean ownsParts;
  private volatile Thread background;
  private volatile Outcome outcome;

  /** A node over parts the caller assembled, opens and closes. Prefer {@link #builder()} or {@link #fromProperties}. */
  public Bugle(BugleConfig config, Components parts, InstantSource clock) {
    this(config, parts, clock, Backoff.DEFAULT, false);
  }

  Bugle(BugleConfig config, Components parts, InstantSource clock, boolean ownsParts) {
    this(config, parts, clock, Backoff.DEFAULT, ownsParts);
  }

  Bugle(BugleConfig config, Components parts, InstantSource clock, Backoff backoff, boolean ownsParts) {
    this.node = new Node(config, parts, clock, backoff, events, heartbeat);
    this.clock = clock;
    this.ownsParts = ownsParts;
    events.add(new LoggingListener());
    events.add(book);
  }

  /** A builder: the lock, the enqueuers and typed schedules from code. */
  public static BugleBuilder builder() {
    return new BugleBuilder();
  }

  /**
   * A node from properties with exactly the keys and messages of the properties file ({@code ${ENV}} expanded
   * from {@code env}), with the lock and enqueuer types visible to {@code loader}. It owns its parts.
   */
  public static Bugle fromProperties(Map<String, String> properties, Map<String, String> env, ClassLoader loader) {
    BugleConfig config = ConfigLoader.parse(properties, env);
    InstantSource clock = InstantSource.system();
    return new Bugle(config, Components.assemble(config, Providers.load(loader), clock), clock, true);
  }

  /** Adds a listener; events that happened before it was added are not replayed. Any thread. */
  public void addListener(BugleListener listener) {
    events.add(listener);
  }

  /** Where the node is now. */
  public NodeState state() {
    return node.state();
  }

  /** How long since the node's main loop last showed life (zero while a standby waits inside the lock). */
  public Duration heartbeatAge() {
    return heartbeat.age();
  }

  /** Runs the node on the calling thread until it stops, loses the lock (with {@code on-lost=exit}) or gives up. */
  public Outcome run() throws InterruptedException {
    Outcome ended = null;
    try {
      ended = node.run();
      return ended;
    } finally {
      outcome = ended; // before the latch: awaitTermination's caller sees the outcome
      events.close(Duration.ofMillis(500));
      this.ended.countDown();
    }
  }

  /**
   * Replaces the configuration without a restart and without releasing the lease: a leader re-plans at once, a
   * standby takes over with the new one. Any thread.
   */
  public void reload(Reconfiguration next) {
    reload(next, "api");
  }

  /** As {@link #reload(Reconfiguration)}; {@code trigger} says what asked for it, on the listener seam. */
  public void reload(Reconfiguration next, String trigger) {
    node.reload(next);
    events.onReload(new ReloadEvent(clock.instant(), trigger, true, List.copyOf(next.added()),
        List.copyOf(next.changed()), List.copyOf(next.removed()), List.of()));
  }

  /** Tells the listeners that a reload was refused and why; the running configuration is untouched. */
  public void reloadRefused(String trigger, List<String> problems) {
    events.onReload(new ReloadEvent(clock.instant(), trigger, false, List.of(), List.of(), List.of(),
        problems));
  }

  /**
   * Opens the enqueuers (a permanent mistake is a {@link ConfigException}, as at {@code bugle run}'s start-up)
   * and runs the node on a thread of its own; returns at once. {@link #close()} ends it.
   */
  public synchronized void start() {
    if (background != null) {
      throw new IllegalStateException("this node was started already");
    }
    if (ownsParts) {
      try {
        node.parts().open();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BugleException("interrupted while opening the enqueuers", e);
      }
    }
    Thread t = new Thread(() -> {
      try {
        run();
      } catch (InterruptedException e) {
        outcome = Outcome.STOPPED;
      } catch (RuntimeException | Error e) {
        LOG.error("the node failed: {}", e.toString(), e);
      }
    }, "bugle-node");
    background = t;
    t.start();
  }

  /** True while this node holds the lock and fires. */
  public boolean isLeading() {
    return node.state() == NodeState.LEADING;
  }

  /** How the node ended, once it has; empty while it runs (or if it failed: see the log). */
  public Optional<Outcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  /** Waits up to {@code bound} for the node to end. Returns true when it has (or was never started). */
  public boolean awaitTermination(Duration bound) throws InterruptedException {
    return awaitStopped(bound);
  }

  /** Each configured schedule with its next and last fire, as this node last knew them. Read-only. */
  public java.util.List<ScheduleView> schedules() {
    return book.views(node.config().schedules().stream().map(Schedule::name).toList());
  }

  /**
   * Stops firing, releases the lock and waits for that (at most {@link #CLOSE_BOUND}), then closes the
   * enqueuers and the lock if this node owns them. Safe to call from a shutdown hook: the JVM exits only after
   * the lock was released, so a standby takes over at once instead of after a TTL.
   */
  @Override
  public void close() {
    stop();
    try {
      if (!awaitStopped(CLOSE_BOUND)) {
        LOG.warn("the node did not stop within {}; closing anyway",
            Durations.format(CLOSE_BOUND));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (ownsParts) {
      node.parts().close();
    }
  }


  /** The configuration running now (after reloads). */
  public BugleConfig config() {
    return node.config();
  }

  /** The parts running now (after reloads): the lock and the enqueuers. */
  public Components parts() {
    return node.parts();
  }

  /** Stops firing, releases the lease and makes {@link #run()} return {@link Outcome#STOPPED}. Any thread. */
  public void stop() {
    node.stop();
  }

  /**
   * Waits up to {@code bound} for {@link #run()} to return (after {@link #stop()}, a loss or a failure). A
   * shutdown hook calls {@code stop()} then this, so that the JVM exits only once the lock is released.
   *
   * @return true when run() has returned (or never started)
   */
  public boolean awaitStopped(Duration bound) throws InterruptedException {
    return !node.started() || ended.await(bound.toMillis(), TimeUnit.MILLISECONDS);
  }
}
