package dev.bugle.core.internal;

import dev.bugle.core.BugleException;
import dev.bugle.core.CheckpointKeys;
import dev.bugle.core.Schedule;
import dev.bugle.core.event.BugleListener;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.Lease;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's planner: a priority queue of each schedule's next fire and a sleep until the earliest (no
 * polling). Fires due together are grouped per enqueuer and handed to that enqueuer's {@link Lane}, so the
 * planner never waits on a backend; a schedule has at most one fire in flight, and its next fire is planned when
 * the lane reports the outcome. Acknowledged fires go to the {@link Committer}. Nothing is sent once the lease
 * is invalid.
 */
public final class Scheduler {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  /** The longest sleep: the heartbeat's period, and a wall-clock step (NTP, suspend) is noticed within it. */
  private static final long MAX_SLEEP_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** How long a stop waits for sends in flight, and then for their checkpoints. */
  static final Duration STOP_BOUND = Duration.ofMillis(500);

  private final Map<String, Schedule> schedules = new LinkedHashMap<>();
  /** Each schedule's last done fire (committed, acknowledged, or where planning began), in memory. */
  private final Map<String, Instant> lastDone = new HashMap<>();
  /** Schedules with a fire handed to a lane and not yet reported back: at most one each. */
  private final java.util.Set<String> inFlight = new java.util.HashSet<>();
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  /** The pause records in force, by schedule name (planner thread only). */
  private final Map<String, dev.bugle.core.Pause> pauses = new HashMap<>();
  private final Dispatcher dispatcher;
  private final boolean threaded;
  private final Lease lease;
  private final InstantSource clock;
  private final BugleListener events;
  private final Heartbeat heartbeat;
  private final Map<String, Lane> lanes = new LinkedHashMap<>();
  private final Committer committer;
  private final Planning planning;
  private final Pausing pausing;
  private final PriorityQueue<PendingFire> queue = new PriorityQueue<>(PendingFire.BY_FIRE_TIME);
  private final Queue<Dispatcher.Result> results = new ConcurrentLinkedQueue<>();
  private final Wakeup wakeup = new Wakeup();
  private volatile boolean stopping;
  private volatile boolean lost;
  private boolean shutDown;

  /** A scheduler that sends and commits on the calling thread, with no listener: for tests and benchmarks. */
  public Scheduler(List<Schedule> schedules, Map<String, Enqueuer> enqueuers, Lease lease, String namespace,
      InstantSource clock, Backoff backoff) {
    this(schedules, enqueuers, lease, namespace, clock, backoff, EventBus.direct(), null);
  }

  /**
   * A scheduler whose lanes and committer run on threads of their own when {@code heartbeat} is given (the
   * service), or on the calling thread when it is null.
   */
  public Scheduler(List<Schedule> schedules, Map<String, Enqueuer> enqueuers, Lease lease, String namespace,
      InstantSource clock, Backoff backoff, BugleListener events, Heartbeat heartbeat) {
    schedules.forEach(sc -> this.schedules.put(sc.name(), sc));
    this.lease = lease;
    this.clock = clock;
    this.events = events;
    this.heartbeat = heartbeat;
    for (Schedule s : schedules) {
      if (!enqueuers.containsKey(s.enqueuer())) {
        throw new BugleException("schedule '" + s.name() + "' names unknown enqueuer '" + s.enqueuer() + "'");
      }
    }
    this.threaded = heartbeat != null;
    this.dispatcher = new Dispatcher(namespace, backoff, clock, events);
    enqueuers.forEach(this::addLane);
    this.committer = new Committer(lease.checkpoints(), lease::isValid, this::markLost, threaded);
    this.planning = new Planning(queue, events, clock);
    this.pausing = new Pausing(this, events);
  }

  /** Loads the checkpoints and plans every schedule, applying misfire policies to fires missed since them. */
  public void start() {
    start(Map.of());
  }

  /**
   * As {@link #start()}, with the pause records in the lock's store: a resumed schedule is planned from where its
   * resume said, a paused one skips the fires that come due.
   */
  public void start(Map<String, dev.bugle.core.Pause> initialPauses) {
    pauses.putAll(initialPauses);
    Map<String, Instant> done = lease.checkpoints().load();
    Instant now = clock.instant();
    queue.clear();
    Map<String, Instant> fresh = new HashMap<>();
    for (Schedule s : schedules.values()) {
      Instant last = done.get(s.name());
      CheckpointKeys.lastFire(done, s.name()).ifPresent(f -> planning.fired(s.name(), f));
      if (last == null) {
        last = fresh(s, now, fresh);
      } else if (pauses.containsKey(s.name()) && !pauses.get(s.name()).paused()) {
        last = pauses.get(s.name()).planFrom(last);
      }
      lastDone.put(s.name(), last);
      planning.plan(s, last, now);
    }
    if (!fresh.isEmpty()) {
      committer.submit(fresh);
    }
    LOG.info("planned {} schedule(s); first fire at {}", schedules.size(),
        queue.isEmpty() ? "never" : queue.peek().fireAt());
  }

  /** Records "nothing due up to now" so that a leader taking over later sends what this one misses. */
  private static Instant fresh(Schedule s, Instant now, Map<String, Instant> commits) {
    Instant last = now.minus(s.jitterOffset());
    commits.put(s.name(), last);
    commits.put(CheckpointKeys.plannedFrom(s.name()), last);
    return last;
  }

  /**
   * Replaces the schedules and enqueuers on this lease (a reload), on the planner's thread: added schedules
   * are planned from now, removed ones stop (a fire already in flight still completes and is committed),
   * changed ones are re-planned from their last done fire with their new definition, and unchanged ones are
   * not touched. Lanes follow the enqueuers; a replaced enqueuer's lane sends its next batch through the new one.
   */
  public void replace(List<Schedule> next, Map<String, Enqueuer> enqueuers) {
    for (Schedule s : next) {
      if (!enqueuers.containsKey(s.enqueuer())) {
        throw new BugleException("schedule '" + s.name() + "' names unknown enqueuer '" + s.enqueuer() + "'");
      }
    }
    tasks.add(() -> new Replacement(this).apply(List.copyOf(next), Map.copyOf(enqueuers)));
    if (!threaded) {
      runTasks();
    }
    wakeup.signal();
  }

  private void runTasks() {
    for (Runnable t; (t = tasks.poll()) != null; ) {
      t.run();
    }
  }

  /** Applies the pause records read from the lock's store (all of them), on the planner's thread. */
  public void applyPauses(Map<String, dev.bugle.core.Pause> records) {
    tasks.add(() -> pausing.apply(pauses, Map.copyOf(records)));
    if (!threaded) {
      runTasks();
    }
    wakeup.signal();
  }

  // The parts of the planner's state a Replacement or a Pausing works on; planner thread only.
  Instant lastDone(String schedule) {
    return lastDone.get(schedule);
  }

  void moveLastDone(String schedule, Instant to) {
    lastDone.put(schedule, to);
    commit(Map.of(schedule, to));
  }

  Instant now() {
    return clock.instant();
  }

  Planning planning() {
    return planning;
  }

  Map<String, Schedule> schedules() {
    return schedules;
  }

  boolean inFlight(String schedule) {
    return inFlight.contains(schedule);
  }

  void unplan(String schedule) {
    queue.removeIf(p -> p.schedule().name().equals(schedule));
  }

  void planFresh(Schedule s, Map<String, Instant> commits) {
    Instant now = clock.instant();
    Instant last = fresh(s, now, commits);
    lastDone.put(s.name(), last);
    planning.plan(s, last, now);
  }

  void replan(Schedule s) {
    planning.plan(s, lastDone.get(s.name()), clock.instant());
  }

  void commit(Map<String, Instant> commits) {
    if (!commits.isEmpty()) {
      committer.submit(commits);
    }
  }

  Map<String, Lane> lanes() {
    return lanes;
  }

  void addLane(String name, Enqueuer e) {
    lanes.put(name, threaded
        ? Lane.threaded(name, e, dispatcher, clock, this::mayCommence, this::report)
        : Lane.inline(name, e, dispatcher, clock, this::mayCommence, this::report));
  }

  /**
   * Hands every fire that is due now to its lane, then handles the outcomes that have come back (with inline
   * lanes: the outcomes of these very sends). Returns how many jobs those outcomes acknowledged.
   */
  public int runDueOnce() {
    Instant now = clock.instant();
    Map<String, List<PendingFire>> byEnqueuer = new LinkedHashMap<>();
    runTasks();
    while (!queue.isEmpty() && !queue.peek().fireAt().isAfter(now)) {
      PendingFire f = queue.poll();
      dev.bugle.core.Pause p = pauses.get(f.schedule().name());
      if (p != null && p.paused()) {
        pausing.skip(f, p, now);
        continue;
      }
      inFlight.add(f.schedule().name());
      byEnqueuer.computeIfAbsent(f.schedule().enqueuer(), k -> new ArrayList<>()).add(f);
    }
    for (Map.Entry<String, List<PendingFire>> group : byEnqueuer.entrySet()) {
      if (!mayCommence()) {
        markLost("lease no longer valid before an enqueue");
        break;
      }
      lanes.get(group.getKey()).submit(group.getValue());
    }
    return handleResults();
  }

  private int handleResults() {
    int jobs = 0;
    Map<String, Instant> commits = new HashMap<>();
    List<PendingFire> acked = new ArrayList<>();
    for (Dispatcher.Result r; (r = results.poll()) != null; ) {
      if (!r.notSent().isEmpty()) {
        markLost("lease no longer valid before an enqueue");
      }
      if (!r.acked().isEmpty() && (lost || !lease.isValid())) {
        LOG.warn("a send begun at {}, before the lease was lost, was acknowledged for {} schedule(s); nothing was "
            + "sent after the loss", r.sentAt(), r.acked().size());
      }
      for (PendingFire f : r.retry()) {
        inFlight.remove(f.schedule().name());
        Schedule now = schedules.get(f.schedule().name());
        if (f.schedule().equals(now)) {
          queue.add(f);
        } else if (now != null) { // changed by a reload while it failed: planned anew from its last done fire
          replan(now);
        }
      }
      for (PendingFire f : r.acked()) {
        inFlight.remove(f.schedule().name());
        commits.put(f.schedule().name(), f.last());
        lastDone.put(f.schedule().name(), f.last());
        acked.add(f);
        jobs += f.scheduledAt().size();
      }
      for (PendingFire f : r.givenUp()) {
        inFlight.remove(f.schedule().name());
        Schedule current = schedules.get(f.schedule().name());
        if (current != null) {
          planning.plan(current, f.last(), clock.instant());
        }
      }
      r.notSent().forEach(f -> inFlight.remove(f.schedule().name()));
    }
    if (!commits.isEmpty() && !lost) {
      committer.submit(commits);
    }
    Instant sent = clock.instant(); // after the sends: fires that came due meanwhile are planned as missed ones
    for (PendingFire f : acked) {
      planning.fired(f.schedule().name(), f.last());
      Schedule current = schedules.get(f.schedule().name());
      if (current != null) { // null: removed by a reload while in flight
        planning.plan(current, f.last(), sent);
      }
    }
    return jobs;
  }

  /** Runs until {@link #stop()} or the loss of the lease, then stops the lanes and writes what was sent. */
  public void runLoop() {
    try {
      while (!stopping && !lost) {
        if (heartbeat != null) {
          heartbeat.tick();
        }
        runTasks();
        handleResults();
        PendingFire head = queue.peek();
        long sleepNanos = head == null ? MAX_SLEEP_NANOS
            : Math.min(MAX_SLEEP_NANOS, Duration.between(clock.instant(), head.fireAt()).toNanos());
        if (sleepNanos > 0) {
          sleep(sleepNanos);
          continue;
        }
        runDueOnce();
      }
    } finally {
      shutDown();
    }
  }

  /**
   * Stops the lanes (a send in flight gets {@link #STOP_BOUND}), handles their last outcomes, and writes what was
   * acknowledged (another {@link #STOP_BOUND}) unless the lease is lost; then stops the committer's thread.
   * Idempotent; called when the loop ends and by the node when start-up failed.
   */
  public void shutDown() {
    if (shutDown) {
      return;
    }
    shutDown = true;
    lanes.values().forEach(Lane::beginClose);
    long deadline = System.nanoTime() + STOP_BOUND.toNanos(); // one bound for all lanes together
    for (Lane lane : lanes.values()) {
      if (!lane.awaitClosed(deadline)) {
        LOG.warn("a send via '{}' was still in flight after {} ms and was abandoned; its fires are not "
            + "checkpointed, so the next leader sends them again with their ids", lane.name(), STOP_BOUND.toMillis());
      }
    }
    handleResults();
    boolean written = committer.flushAndClose(lost ? Duration.ZERO : STOP_BOUND);
    if (!lost && !written) {
      LOG.warn("some checkpoints could not be written before the stop; the next leader sends those fires again "
          + "with their ids");
    }
  }

  /** When the next fire is due, for tests and logs. */
  public Optional<Instant> nextFireTime() {
    return Optional.ofNullable(queue.peek()).map(PendingFire::fireAt);
  }

  public void stop() {
    stopping = true;
    wakeup.signal();
  }

  /** Called from the lease's loss callback, a lane or the committer: stop at once. */
  public void markLost(String why) {
    if (!lost) {
      lost = true;
      LOG.warn("lease lost: {}", why);
    }
    wakeup.signal();
  }

  public boolean isLost() {
    return lost;
  }

  private boolean mayCommence() {
    return !lost && lease.isValid();
  }

  private void report(Dispatcher.Result r) {
    results.add(r);
    wakeup.signal();
  }

  private void sleep(long nanos) {
    if (!stopping && !lost && wakeup.sleep(nanos)) {
      stopping = true; // interrupted
    }
  }
}
