package dev.bugle.core.internal;

import dev.bugle.core.Schedule;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the scheduler waits for: one schedule's next fire (or, after a misfire under {@code catch-up}, several
 * scheduled instants sent together), the instant to send it, and how many sends have failed so far.
 */
record PendingFire(Schedule schedule, List<Instant> scheduledAt, Instant fireAt, int failures) {
  static final Comparator<PendingFire> BY_FIRE_TIME =
      Comparator.comparing(PendingFire::fireAt).thenComparing(p -> p.schedule().name());

  PendingFire {
    scheduledAt = List.copyOf(scheduledAt);
  }

  Instant last() {
    return scheduledAt.get(scheduledAt.size() - 1);
  }

  PendingFire retryAt(Instant when, List<Instant> stillDue) {
    return new PendingFire(schedule, stillDue, when, failures + 1);
  }
}
