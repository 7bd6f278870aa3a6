package dev.bugle.core;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How the checkpoints tell a schedule's last fire from where its planning began. A leader that finds a schedule
 * without a checkpoint records "nothing due up to now" under the schedule's name, so that a successor sends what
 * it misses, and the same instant under {@link #plannedFrom}: while the two are equal the schedule never fired.
 * The marker's prefix cannot start a schedule name, so it never collides with one.
 */
public final class CheckpointKeys {
  private static final String PLANNED_FROM = "~planned-from:";

  private CheckpointKeys() {
  }

  /** The key under which the instant a schedule's planning began is kept. */
  public static String plannedFrom(String schedule) {
    return PLANNED_FROM + schedule;
  }

  /** True for keys that are markers, not schedules. */
  public static boolean isMarker(String key) {
    return key.startsWith("~");
  }

  /** The last fire of {@code schedule} that these checkpoints record; empty when it never fired. */
  public static Optional<Instant> lastFire(Map<String, Instant> checkpoints, String schedule) {
    Instant done = checkpoints.get(schedule);
    if (done == null || done.equals(checkpoints.get(plannedFrom(schedule)))) {
      return Optional.empty();
    }
    return Optional.of(done);
  }
}
