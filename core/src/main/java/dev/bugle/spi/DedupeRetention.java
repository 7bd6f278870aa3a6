package dev.bugle.spi;

import dev.bugle.core.internal.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a deduplicating {@link Enqueuer} remembers a fire's id, counted from when the fire was enqueued, and
 * the enqueuer's own setting that decides it.
 *
 * @param key the setting, relative to the enqueuer's prefix, for example {@code dedupe-ttl}
 * @param duration how long, for example 7 days
 */
public record DedupeRetention(String key, Duration duration) {

  public DedupeRetention {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("key must name the enqueuer's setting, for example dedupe-ttl");
    }
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive, for example 7d; got " + duration);
    }
  }

  /** For people: {@code 7d (dedupe-ttl)}. */
  public String describe() {
    return Durations.format(duration) + " (" + key + ")";
  }
}
