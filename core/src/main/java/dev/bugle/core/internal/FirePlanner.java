package dev.bugle.core.internal;

import dev.bugle.core.Schedule;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Decides, for one schedule, which fires are due now and which comes next, from the last fire that was
 * done (or null for a schedule that never fired) and the schedule's misfire policy. Used at start-up, after a
 * failover, and after every fire, so that a leader that fell behind applies the same rules as a new one.
 */
public final class FirePlanner {
  /** Enumerating missed fires stops here; a schedule this far behind fires per its policy from then on. */
  static final int MAX_SCAN = 100_000;

  /** The scheduled instants to send now (oldest first) and the next one after them. */
  public record Plan(List<Instant> dueNow, Optional<Instant> next, boolean skippedSome) {
  }

  private FirePlanner() {
  }

  public static Plan plan(Schedule s, Instant lastDone, Instant now) {
    // A fire is due when its jittered fire time has come, that is when its scheduled instant <= now - jitter.
    Instant dueBy = now.minus(s.jitterOffset());
    if (lastDone == null) {
      return new Plan(List.of(), s.trigger().nextAfter(dueBy), false);
    }
    Instant windowStart = dueBy.minus(s.misfireWindow());
    Optional<Instant> firstMissed = s.trigger().nextAfter(lastDone);
    if (firstMissed.isEmpty() || firstMissed.get().isAfter(dueBy)) {
      return new Plan(List.of(), firstMissed, false);
    }
    boolean skipped = firstMissed.get().isBefore(windowStart);
    Instant cursor = skipped ? windowStart.minusNanos(1) : lastDone;
    Deque<Instant> inWindow = new ArrayDeque<>();
    int limit = switch (s.misfire()) {
      case SKIP -> 0;
      case FIRE_ONCE -> 1;
      case CATCH_UP -> s.catchUpLimit();
    };
    for (int i = 0; i < MAX_SCAN; i++) {
      Optional<Instant> f = s.trigger().nextAfter(cursor);
      if (f.isEmpty() || f.get().isAfter(dueBy)) {
        break;
      }
      inWindow.addLast(f.get());
      if (inWindow.size() > limit) {
        skipped = true;
        inWindow.removeFirst();
      }
      cursor = f.get();
    }
    return new Plan(List.copyOf(inWindow), s.trigger().nextAfter(dueBy), skipped);
  }
}
