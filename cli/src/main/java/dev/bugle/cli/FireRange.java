package dev.bugle.cli;

import dev.bugle.core.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trigger's fires in [start, end): the first {@code keep} of them, and how many there are in all (counted up to
 * {@link #COUNT_CAP}, so that a mistyped range answers at once).
 */
record FireRange(List<Instant> fires, long total) {
  static final long COUNT_CAP = 1_000_000;

  static FireRange of(Trigger trigger, Instant start, Instant end, int keep) {
    List<Instant> fires = new ArrayList<>();
    long total = 0;
    Optional<Instant> next = trigger.nextAfter(start.minusNanos(1)); // start itself is included
    while (next.isPresent() && next.get().isBefore(end) && total <= COUNT_CAP) {
      if (fires.size() < keep) {
        fires.add(next.get());
      }
      total++;
      next = trigger.nextAfter(next.get());
    }
    return new FireRange(fires, total);
  }

  /** The total for people: the number, or "more than 1000000" past the cap. */
  String describeTotal() {
    return total > COUNT_CAP ? "more than " + COUNT_CAP : Long.toString(total);
  }
}
