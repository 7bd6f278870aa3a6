package dev.bugle.core.event;

import java.util.Locale;

/** What became of a fire (or of several fires of one schedule sent together). */
public enum FireOutcome {
  /** The backend acknowledged the job(s). */
  ENQUEUED,
  /** The backend already had the job(s) with this id: a re-send that had no second effect. */
  DEDUPLICATED,
  /** The send failed with an outage; it will be sent again after a backoff. */
  RETRYING,
  /** The send failed for good (a permanent error, or past the misfire window); the checkpoint did not move. */
  GIVEN_UP,
  /** Missed fires that the schedule's misfire policy does not send (the window, {@code catch-up-limit}, skip). */
  SKIPPED_MISFIRE,
  /** Fires that came due while the schedule was paused. */
  SKIPPED_PAUSED,
  /** A run asked for by hand ({@code bugle enqueue}, a backfill); the schedule's plan is untouched. */
  MANUAL;

  /** The lower-case name used as the {@code outcome} label and in the status API ({@code given_up}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
