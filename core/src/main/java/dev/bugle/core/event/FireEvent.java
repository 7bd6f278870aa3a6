package dev.bugle.core.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one schedule's fire, or of {@code count} fires of it sent or skipped together (a catch-up).
 *
 * @param first the earliest scheduled instant concerned
 * @param last the latest scheduled instant concerned (equal to {@code first} for one fire)
 * @param count how many scheduled instants, from {@code first} to {@code last}
 * @param dueAt when the latest of them was due to go out (its instant plus the schedule's jitter)
 * @param sentAt when the send began (equal to {@code at} for outcomes without a send)
 * @param at when the outcome was known
 * @param attempt 1 for the first send, more for retries; 0 for outcomes without a send
 * @param error the failure, masked of secrets, for {@code RETRYING} and {@code GIVEN_UP}; for
 *     {@code SKIPPED_MISFIRE} and {@code SKIPPED_PAUSED} the reason ({@code misfire-window=1h})
 */
public record FireEvent(String schedule, String enqueuer, FireOutcome outcome, Instant first, Instant last,
    int count, Instant dueAt, Instant sentAt, Instant at, int attempt, Optional<String> error) {
  public FireEvent {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(enqueuer, "enqueuer");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(error, "error");
    if (count < 1 || last.isBefore(first)) {
      throw new IllegalArgumentException("a fire event needs count >= 1 and first <= last, got " + count + ", "
          + first + ", " + last);
    }
  }

  /** How late the fire went out: from when it was due until the backend acknowledged it (never negative). */
  public Duration lateness() {
    Duration d = Duration.between(dueAt, at);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** How long the send took, from its start to its outcome. */
  public Duration enqueueDuration() {
    return Duration.between(sentAt, at);
  }
}
