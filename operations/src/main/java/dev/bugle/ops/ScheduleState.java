package dev.bugle.ops;

import dev.bugle.core.Secrets;
import dev.bugle.core.event.FireEvent;
import dev.bugle.core.event.FireOutcome;
import dev.bugle.core.event.SchedulePlanned;
import java.time.Instant;
import java.util.Optional;

/**
 * What the events said about one schedule, replaced whole on each event (so a reader never sees half of one).
 *
 * @param planned whether a leader planned it (else next and last fire are unknown here)
 * @param lastFire the last acknowledged fire; empty when it never fired
 * @param lastError the last failure's message, masked, and when it happened
 * @param missed fires that the misfire policy did not send
 * @param givenUp fires that were given up
 * @param skippedPaused fires skipped while the schedule was paused
 */
public record ScheduleState(boolean planned, Optional<Instant> nextFire, Optional<Instant> lastFire,
    Optional<FireOutcome> lastOutcome, Optional<Instant> lastOutcomeAt, Optional<String> lastError,
    Optional<Instant> lastErrorAt, long missed, long givenUp, long skippedPaused) {

  public static final ScheduleState NONE = new ScheduleState(false, Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, 0);

  ScheduleState plannedAs(SchedulePlanned p) {
    return new ScheduleState(true, p.nextFire(), p.lastFire(), lastOutcome, lastOutcomeAt, lastError, lastErrorAt,
        missed, givenUp, skippedPaused);
  }

  ScheduleState after(FireEvent e) {
    FireOutcome o = e.outcome();
    Optional<Instant> last = lastFire;
    if (o == FireOutcome.ENQUEUED || o == FireOutcome.DEDUPLICATED) {
      last = last.filter(l -> l.isAfter(e.last())).or(() -> Optional.of(e.last()));
    }
    boolean failed = o == FireOutcome.RETRYING || o == FireOutcome.GIVEN_UP;
    Optional<String> error = failed ? e.error().map(Secrets::maskUrls).or(() -> Optional.of(o.label())) : lastError;
    Optional<Instant> errorAt = failed ? Optional.of(e.at()) : lastErrorAt;
    long m = missed + (o == FireOutcome.SKIPPED_MISFIRE ? e.count() : 0);
    long g = givenUp + (o == FireOutcome.GIVEN_UP ? e.count() : 0);
    long p = skippedPaused + (o == FireOutcome.SKIPPED_PAUSED ? e.count() : 0);
    return new ScheduleState(planned, nextFire, last, Optional.of(o), Optional.of(e.at()), error, errorAt, m, g, p);
  }

  /** True when the last outcome is a failure (retrying or given up): the page highlights it. */
  public boolean failing() {
    return lastOutcome.filter(o -> o == FireOutcome.RETRYING || o == FireOutcome.GIVEN_UP).isPresent();
  }
}
