package dev.bugle.core.internal;

import java.time.Duration;

/** Exponential backoff between failed sends: {@code initial}, doubling, capped at {@code max}. */
public record Backoff(Duration initial, Duration max) {
  /**
   * 200 ms doubling to 1 s. Each enqueuer sends on its own lane and a retry re-sends the lane's whole batch, so a
   * backend that stays down costs one attempt a second, and one that comes back is written to within a second.
   */
  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1));

  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max, e.g. 200ms and 30s");
    }
  }

  /** The delay after the {@code failures}-th consecutive failure (1-based). */
  public Duration delay(int failures) {
    Duration d = initial;
    for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? max : d;
  }
}
