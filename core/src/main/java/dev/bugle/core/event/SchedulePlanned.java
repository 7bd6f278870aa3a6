package dev.bugle.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A schedule's plan as the leader holds it: sent when a leader plans it from the checkpoints and after each of
 * its fires, so that a view built from events knows every schedule's next and last fire.
 *
 * @param nextFire the next scheduled instant; empty when the schedule never fires again (a past {@code at})
 * @param lastFire the last fire committed to the checkpoints; empty when the schedule never fired
 */
public record SchedulePlanned(Instant at, String schedule, Optional<Instant> nextFire, Optional<Instant> lastFire) {
  public SchedulePlanned {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(nextFire, "nextFire");
    Objects.requireNonNull(lastFire, "lastFire");
  }
}
