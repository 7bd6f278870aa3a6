package dev.bugle.core.internal;

import dev.bugle.core.Schedule;
import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.FireEvent;
import dev.bugle.core.event.FireOutcome;
import dev.bugle.core.event.SchedulePlanned;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Turns one schedule's {@link FirePlanner.Plan} into the planner's queue and the listener's events: the fires
 * to send now or the next one, each run of skipped fires as a {@code SKIPPED_MISFIRE} event, and the
 * schedule's next and last fire as a {@link SchedulePlanned}.
 */
final class Planning {
  private final PriorityQueue<PendingFire> queue;
  private final BugleListener events;
  private final InstantSource clock;
  private final Map<String, Instant> lastFires = new HashMap<>();

  Planning(PriorityQueue<PendingFire> queue, BugleListener events, InstantSource clock) {
    this.queue = queue;
    this.events = events;
    this.clock = clock;
  }

  /** Records the last fire of a schedule as the listeners see it (not the "planned from" checkpoint). */
  void fired(String schedule, Instant last) {
    lastFires.put(schedule, last);
  }

  /** Plans {@code s} after its last done fire. */
  void plan(Schedule s, Instant lastDone, Instant now) {
    FirePlanner.Plan p = FirePlanner.plan(s, lastDone, now);
    Instant at = clock.instant();
    for (FirePlanner.Skipped k : p.skipped()) {
      events.onFire(new FireEvent(s.name(), s.enqueuer(), FireOutcome.SKIPPED_MISFIRE, k.first(), k.last(),
          k.count(), k.last().plus(s.jitterOffset()), at, at, 0,
          Optional.of((k.atLeast() ? "at least " : "") + k.reason())));
    }
    Optional<Instant> next;
    if (!p.dueNow().isEmpty()) {
      queue.add(new PendingFire(s, p.dueNow(), now, 0));
      next = Optional.of(p.dueNow().get(0));
    } else {
      next = p.next();
      next.ifPresent(n -> queue.add(new PendingFire(s, List.of(n), n.plus(s.jitterOffset()), 0)));
    }
    events.onPlanned(new SchedulePlanned(at, s.name(), next, Optional.ofNullable(lastFires.get(s.name()))));
  }
}
