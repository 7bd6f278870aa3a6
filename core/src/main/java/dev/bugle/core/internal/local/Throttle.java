package dev.bugle.core.internal.local;

/**
 * Rate-limits a repeated log line: a standby that meets the same I/O error on every retry (a few times a second)
 * says why at once, then at most once per period, with how many it left out.
 */
final class Throttle {
  static final long PERIOD_NANOS = 30_000_000_000L;

  private final long periodNanos;
  private boolean passedOnce;
  private long lastPassed;
  private long held;

  Throttle(long periodNanos) {
    this.periodNanos = periodNanos;
  }

  /** At {@code nanoTime}: -1 to stay quiet, else how many occurrences were held back since the last one passed. */
  synchronized long pass(long nanoTime) {
    if (passedOnce && nanoTime - lastPassed < periodNanos) {
      held++;
      return -1;
    }
    passedOnce = true;
    lastPassed = nanoTime;
    long n = held;
    held = 0;
    return n;
  }
}
