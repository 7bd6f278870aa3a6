package dev.bugle.core.internal;

import dev.bugle.core.BugleException;
import dev.bugle.core.LockException;
import dev.bugle.core.Schedule;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.Lease;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's scheduler: one thread, a priority queue of each schedule's next fire, and a sleep until the
 * earliest (no polling). Fires due together are grouped per enqueuer and sent with one {@code enqueueAll};
 * acknowledged fires are committed to the lease's checkpoints. Nothing is sent once the lease is invalid.
 */
public final class Scheduler {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  /** The longest sleep, so that a wall-clock step (NTP, suspend) is noticed within a minute. */
  private static final long MAX_SLEEP_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final List<Schedule> schedules;
  private final Map<String, Enqueuer> enqueuers;
  private final Lease lease;
  private final InstantSource clock;
  private final Dispatcher dispatcher;
  private final PriorityQueue<PendingFire> queue = new PriorityQueue<>(PendingFire.BY_FIRE_TIME);
  private final Wakeup wakeup = new Wakeup();
  private volatile boolean stopping;
  private volatile boolean lost;

  public Scheduler(List<Schedule> schedules, Map<String, Enqueuer> enqueuers, Lease lease, String namespace,
      InstantSource clock, Backoff backoff) {
    this.schedules = List.copyOf(schedules);
    this.enqueuers = Map.copyOf(enqueuers);
    this.lease = lease;
    this.clock = clock;
    this.dispatcher = new Dispatcher(namespace, backoff, clock);
    for (Schedule s : schedules) {
      if (!enqueuers.containsKey(s.enqueuer())) {
        throw new BugleException("schedule '" + s.name() + "' names unknown enqueuer '" + s.enqueuer() + "'");
      }
    }
  }

  /** Loads the checkpoints and plans every schedule, applying misfire policies to fires missed since them. */
  public void start() {
    Map<String, Instant> done = lease.checkpoints().load();
    Instant now = clock.instant();
    queue.clear();
    Map<String, Instant> fresh = new HashMap<>();
    for (Schedule s : schedules) {
      Instant last = done.get(s.name());
      if (last == null) {
        // Record "nothing due up to now" so that a leader taking over later sends what this one misses.
        last = now.minus(s.jitterOffset());
        fresh.put(s.name(), last);
      }
      plan(s, last, now);
    }
    if (!fresh.isEmpty()) {
      lease.checkpoints().commit(fresh);
    }
    LOG.info("planned {} schedule(s); first fire at {}", schedules.size(),
        queue.isEmpty() ? "never" : queue.peek().fireAt());
  }

  /** Sends every fire that is due now. Returns how many jobs were acknowledged. Test-facing, and the loop's step. */
  public int runDueOnce() {
    Instant now = clock.instant();
    Map<String, List<PendingFire>> byEnqueuer = new LinkedHashMap<>();
    while (!queue.isEmpty() && !queue.peek().fireAt().isAfter(now)) {
      PendingFire f = queue.poll();
      byEnqueuer.computeIfAbsent(f.schedule().enqueuer(), k -> new ArrayList<>()).add(f);
    }
    Map<String, Instant> commits = new HashMap<>();
    List<PendingFire> acked = new ArrayList<>();
    int jobs = 0;
    for (Map.Entry<String, List<PendingFire>> group : byEnqueuer.entrySet()) {
      if (lost || !lease.isValid()) {
        markLost("lease no longer valid before an enqueue");
        return jobs;
      }
      Dispatcher.Result r = dispatcher.send(group.getKey(), enqueuers.get(group.getKey()), group.getValue());
      queue.addAll(r.retry());
      for (PendingFire f : r.acked()) {
        commits.put(f.schedule().name(), f.last());
        acked.add(f);
        jobs += f.scheduledAt().size();
      }
      for (PendingFire f : r.givenUp()) {
        plan(f.schedule(), f.last(), clock.instant());
      }
    }
    if (!commits.isEmpty()) {
      try {
        lease.checkpoints().commit(commits);
      } catch (LockException e) {
        // Refused (LeaseLostException) or not confirmed: either way ownership can no longer be proven.
        markLost("checkpoint write failed: " + e.getMessage());
        return jobs;
      }
    }
    Instant sent = clock.instant(); // after the sends: fires that came due meanwhile are planned as missed ones
    for (PendingFire f : acked) {
      plan(f.schedule(), f.last(), sent);
    }
    return jobs;
  }

  /** Runs until {@link #stop()} or the loss of the lease. */
  public void runLoop() {
    while (!stopping && !lost) {
      PendingFire head = queue.peek();
      long sleepNanos = head == null ? MAX_SLEEP_NANOS
          : Math.min(MAX_SLEEP_NANOS, java.time.Duration.between(clock.instant(), head.fireAt()).toNanos());
      if (sleepNanos > 0) {
        sleep(sleepNanos);
        continue;
      }
      runDueOnce();
    }
  }

  /** When the next fire is due, for tests and logs. */
  public java.util.Optional<Instant> nextFireTime() {
    return java.util.Optional.ofNullable(queue.peek()).map(PendingFire::fireAt);
  }

  public void stop() {
    stopping = true;
    signal();
  }

  /** Called from the lease's loss callback: stop at once. */
  public void markLost(String why) {
    if (!lost) {
      lost = true;
      LOG.warn("lease lost: {}", why);
    }
    signal();
  }

  public boolean isLost() {
    return lost;
  }

  private void plan(Schedule s, Instant lastDone, Instant now) {
    FirePlanner.Plan p = FirePlanner.plan(s, lastDone, now);
    if (p.skippedSome()) {
      LOG.warn("schedule '{}': missed fires not sent (misfire={}, window={})", s.name(), s.misfire().configName(),
          Durations.format(s.misfireWindow()));
    }
    if (!p.dueNow().isEmpty()) {
      LOG.info("schedule '{}': sending {} missed fire(s) now: {}", s.name(), p.dueNow().size(), p.dueNow());
      queue.add(new PendingFire(s, p.dueNow(), now, 0));
    } else {
      p.next().ifPresent(at -> queue.add(new PendingFire(s, List.of(at), at.plus(s.jitterOffset()), 0)));
    }
  }

  private void sleep(long nanos) {
    if (!stopping && !lost && wakeup.sleep(nanos)) {
      stopping = true; // interrupted
    }
  }

  private void signal() {
    wakeup.signal();
  }
}
