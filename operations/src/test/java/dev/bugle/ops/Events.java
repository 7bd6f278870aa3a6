package dev.bugle.ops;

import dev.bugle.core.event.FireEvent;
import dev.bugle.core.event.FireOutcome;
import dev.bugle.core.event.NodeState;
import dev.bugle.core.event.SchedulePlanned;
import dev.bugle.core.event.StateChange;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds the listener events the tests feed to the model and the metrics, as the scheduler sends them. */
final class Events {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private Events() {
  }

  static StateChange state(NodeState s, long token) {
    return new StateChange(T0, s, "local", token > 0 ? OptionalLong.of(token) : OptionalLong.empty(),
        Optional.empty());
  }

  /** One fire of {@code schedule} at {@code scheduled}, acknowledged {@code lateMs} after it was due. */
  static FireEvent fire(String schedule, FireOutcome outcome, Instant scheduled, long lateMs) {
    Instant at = scheduled.plusMillis(lateMs);
    return new FireEvent(schedule, "main", outcome, scheduled, scheduled, 1, scheduled, at.minusMillis(2), at,
        outcome == FireOutcome.SKIPPED_MISFIRE ? 0 : 1, Optional.empty());
  }

  static FireEvent failed(String schedule, FireOutcome outcome, Instant scheduled, String error) {
    return new FireEvent(schedule, "main", outcome, scheduled, scheduled, 1, scheduled, scheduled,
        scheduled.plusMillis(30), 1, Optional.of(error));
  }

  static FireEvent skipped(String schedule, Instant first, int count, Duration step) {
    Instant last = first.plus(step.multipliedBy(count - 1));
    return new FireEvent(schedule, "main", FireOutcome.SKIPPED_MISFIRE, first, last, count, last, T0, T0, 0,
        Optional.of("misfire-window=1h"));
  }

  static SchedulePlanned planned(String schedule, Instant next, Instant last) {
    return new SchedulePlanned(T0, schedule, Optional.ofNullable(next), Optional.ofNullable(last));
  }
}
