package dev.bugle.ops;

import dev.bugle.core.Schedule;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells a checkpoint that is a fire from one that is not. A leader checkpoints a schedule that never fired at its
 * start-up time ("nothing due up to now"), which is not one of the trigger's instants; a committed fire is.
 */
public final class LastFire {
  private LastFire() {
  }

  /** The checkpoint when it is one of the schedule's fire instants, else empty (the schedule never fired). */
  public static Optional<Instant> fromCheckpoint(Schedule schedule, Instant checkpoint) {
    return schedule.trigger().nextAfter(checkpoint.minusNanos(1)).filter(checkpoint::equals);
  }
}
