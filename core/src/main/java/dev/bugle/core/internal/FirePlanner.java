package dev.bugle.core.internal;

import dev.bugle.core.Schedule;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
  /** Counting the fires older than the window stops here ("more than 10000"). */
  static final int MAX_COUNT = 10_000;

  /**
   * Missed fires that are not sent, and which limit dropped them.
   *
   * @param count how many; {@code atLeast} when counting stopped at {@link #MAX_COUNT}
   * @param reason the limit, as a key and its value ({@code misfire-window=1h}, {@code catch-up-limit=100})
   */
  public record Skipped(int count, boolean atLeast, Instant first, Instant last, String reason) {
  }

  /** The scheduled instants to send now (oldest first), the next one after them, and what was skipped. */
  public record Plan(List<Instant> dueNow, Optional<Instant> next, List<Skipped> skipped) {
    public boolean skippedSome() {
      return !skipped.isEmpty();
    }
  }

  private FirePlanner() {
  }

  public static Plan plan(Schedule s, Instant lastDone, Instant now) {
    // A fire is due when its jittered fire time has come, that is when its scheduled instant <= now - jitter.
    Instant dueBy = now.minus(s.jitterOffset());
    if (lastDone == null) {
      return new Plan(List.of(), s.trigger().nextAfter(dueBy), List.of());
    }
    Instant windowStart = dueBy.minus(s.misfireWindow());
    Optional<Instant> firstMissed = s.trigger().nextAfter(lastDone);
    if (firstMissed.isEmpty() || firstMissed.get().isAfter(dueBy)) {
      return new Plan(List.of(), firstMissed, List.of());
    }
    List<Skipped> skipped = new ArrayList<>(2);
    Instant cursor = lastDone;
    if (firstMissed.get().isBefore(windowStart)) {
      skipped.add(olderThanWindow(s, firstMissed.get(), windowStart));
      cursor = windowStart.minusNanos(1);
    }
    int limit = switch (s.misfire()) {
      case SKIP -> 0;
      case FIRE_ONCE -> 1;
      case CATCH_UP -> s.catchUpLimit();
    };
    Deque<Instant> inWindow = new ArrayDeque<>();
    int dropped = 0;
    Instant firstDropped = null;
    Instant lastDropped = null;
    for (int i = 0; i < MAX_SCAN; i++) {
      Optional<Instant> f = s.trigger().nextAfter(cursor);
      if (f.isEmpty() || f.get().isAfter(dueBy)) {
        break;
      }
      inWindow.addLast(f.get());
      if (inWindow.size() > limit) {
        Instant d = inWindow.removeFirst();
        firstDropped = firstDropped == null ? d : firstDropped;
        lastDropped = d;
        dropped++;
      }
      cursor = f.get();
    }
    if (dropped > 0) {
      skipped.add(new Skipped(dropped, false, firstDropped, lastDropped, limitReason(s)));
    }
    return new Plan(List.copyOf(inWindow), s.trigger().nextAfter(dueBy), List.copyOf(skipped));
  }

  private static Skipped olderThanWindow(Schedule s, Instant first, Instant windowStart) {
    int count = 1;
    Instant last = first;
    while (count < MAX_COUNT) {
      Optional<Instant> f = s.trigger().nextAfter(last);
      if (f.isEmpty() || !f.get().isBefore(windowStart)) {
        return new Skipped(count, false, first, last, "misfire-window=" + Durations.format(s.misfireWindow()));
      }
      last = f.get();
      count++;
    }
    return new Skipped(count, true, first, last, "misfire-window=" + Durations.format(s.misfireWindow()));
  }

  private static String limitReason(Schedule s) {
    return switch (s.misfire()) {
      case SKIP -> "misfire=skip";
      case FIRE_ONCE -> "misfire=fire-once (only the latest is sent)";
      case CATCH_UP -> "catch-up-limit=" + s.catchUpLimit();
    };
  }
}
