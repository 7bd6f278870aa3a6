package dev.bugle.core.internal;

import dev.bugle.core.BugleException;
import dev.bugle.core.Pause;
import dev.bugle.core.Schedule;
import dev.bugle.core.event.BugleListener;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.Lease;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's planner: a priority queue of each schedule's next fire ({@link PlanBook}) and a sleep until the
 * earliest (no polling). Fires due together are grouped per enqueuer and handed to that enqueuer's {@link Lane},
 * so the planner never waits on a backend; a schedule has at most one fire in flight, and its next fire is
 * planned when the lane reports the outcome. Acknowledged fires go to the {@link Committer}. Nothing is sent once
 * the lease is invalid. Reloads and pause records arrive as tasks run on the planner's thread.
 */
public final class Scheduler {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  /** The longest sleep: the heartbeat's period, and a wall-clock step (NTP, suspend) is noticed within it. */
  private static final long MAX_SLEEP_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** How long a stop waits for sends in flight, and then for their checkpoints. */
  static final Duration STOP_BOUND = Duration.ofMillis(500);

  private final Lease lease;
  private final InstantSource clock;
  private final Heartbeat heartbeat;
  private final boolean threaded;
  private final Lanes lanes;
  private final Committer committer;
  private final PlanBook book;
  private final Pausing pausing;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
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
    requireEnqueuers(schedules, enqueuers);
    this.lease = lease;
    this.clock = clock;
    this.heartbeat = heartbeat;
    this.threaded = heartbeat != null;
    this.lanes = new Lanes(new Dispatcher(namespace, backoff, clock, events), clock, this::mayCommence, this::report,
        threaded);
    lanes.use(enqueuers);
    this.committer = new Committer(lease.checkpoints(), lease::isValid, this::markLost, threaded);
    this.book = new PlanBook(schedules, events, clock, committer::submit);
    this.pausing = new Pausing(book, events);
  }

  private static void requireEnqueuers(List<Schedule> schedules, Map<String, Enqueuer> enqueuers) {
    for (Schedule s : schedules) {
      if (!enqueuers.containsKey(s.enqueuer())) {
        throw new BugleException("schedule '" + s.name() + "' names unknown enqueuer '" + s.enqueuer() + "'");
      }
    }
  }

  /** Loads the checkpoints and plans every schedule, applying misfire policies to fires missed since them. */
  public void start() {
    start(Map.of());
  }

  /**
   * As {@link #start()}, with the pause records in the lock's store: a resumed schedule is planned from where its
   * resume said, a paused one skips the fires that come due.
   */
  public void start(Map<String, Pause> initialPauses) {
    book.pauses.putAll(initialPauses);
    Map<String, Instant> fresh = book.start(lease.checkpoints().load());
    book.commit(fresh);
    LOG.info("planned {} schedule(s); first fire at {}", book.schedules.size(),
        book.queue.isEmpty() ? "never" : book.queue.peek().fireAt());
  }

  /**
   * Replaces the schedules and enqueuers on this lease (a reload), on the planner's thread: added schedules
   * are planned from now, removed ones stop (a fire already in flight still completes and is committed),
   * changed ones are re-planned from their last done fire with their new definition, and unchanged ones are
   * not touched. Lanes follow the enqueuers; a replaced enqueuer's lane sends its next batch through the new one.
   */
  public void replace(List<Schedule> next, Map<String, Enqueuer> enqueuers) {
    requireEnqueuers(next, enqueuers);
    List<Schedule> schedules = List.copyOf(next);
    Map<String, Enqueuer> copy = Map.copyOf(enqueuers);
    post(() -> {
      lanes.use(copy);
      new Replacement(book).apply(schedules);
    });
  }

  /** Applies the pause records read from the lock's store (all of them), on the planner's thread. */
  public void applyPauses(Map<String, Pause> records) {
    Map<String, Pause> copy = Map.copyOf(records);
    post(() -> pausing.apply(copy));
  }

  private void post(Runnable task) {
    tasks.add(task);
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

  /**
   * Hands every fire that is due now to its lane, then handles the outcomes that have come back (with inline
   * lanes: the outcomes of these very sends). Returns how many jobs those outcomes acknowledged.
   */
  public int runDueOnce() {
    Instant now = clock.instant();
    Map<String, List<PendingFire>> byEnqueuer = new LinkedHashMap<>();
    runTasks();
    while (!book.queue.isEmpty() && !book.queue.peek().fireAt().isAfter(now)) {
      PendingFire f = book.queue.poll();
      Pause p = book.pauses.get(f.schedule().name());
      if (p != null && p.paused()) {
        pausing.skip(f, p, now);
        continue;
      }
      book.markInFlight(f.schedule().name());
      byEnqueuer.computeIfAbsent(f.schedule().enqueuer(), k -> new ArrayList<>()).add(f);
    }
    for (Map.Entry<String, List<PendingFire>> group : byEnqueuer.entrySet()) {
      if (!mayCommence()) {
        markLost("lease no longer valid before an enqueue");
        break;
      }
      lanes.submit(group.getKey(), group.getValue());
    }
    return handleResults();
  }

  private int handleResults() {
    List<Dispatcher.Result> batch = new ArrayList<>();
    for (Dispatcher.Result r; (r = results.poll()) != null; ) {
      if (!r.notSent().isEmpty()) {
        markLost("lease no longer valid before an enqueue");
      }
      if (!r.acked().isEmpty() && (lost || !lease.isValid())) {
        LOG.warn("a send begun at {}, before the lease was lost, was acknowledged for {} schedule(s); nothing was "
            + "sent after the loss", r.sentAt(), r.acked().size());
      }
      batch.add(r);
    }
    return batch.isEmpty() ? 0
        : book.handle(batch, !lost).stream().mapToInt(f -> f.scheduledAt().size()).sum();
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
        PendingFire head = book.queue.peek();
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
   * Stops the lanes (sends in flight get {@link #STOP_BOUND} together), handles their last outcomes, and writes
   * what was acknowledged (another {@link #STOP_BOUND}) unless the lease is lost; then stops the committer's
   * thread. Idempotent; called when the loop ends and by the node when start-up failed.
   */
  public void shutDown() {
    if (shutDown) {
      return;
    }
    shutDown = true;
    for (String lane : lanes.close(STOP_BOUND)) {
      LOG.warn("a send via '{}' was still in flight after {} ms and was abandoned; its fires are not "
          + "checkpointed, so the next leader sends them again with their ids", lane, STOP_BOUND.toMillis());
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
    return Optional.ofNullable(book.queue.peek()).map(PendingFire::fireAt);
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
