package dev.bugle.lock.consul.internal;

import java.time.Duration;

/** Small helpers for waiting on the monotonic clock. */
public final class Waits {
  private Waits() {
  }

  /** The duration in nanoseconds, saturating at {@code Long.MAX_VALUE / 4} (so that {@code now + it} cannot overflow). */
  public static long nanos(Duration d) {
    try {
      return Math.max(0, Math.min(d.toNanos(), Long.MAX_VALUE / 4));
    } catch (ArithmeticException e) {
      return d.isNegative() ? 0 : Long.MAX_VALUE / 4;
    }
  }

  public static void sleepNanos(long nanos) throws InterruptedException {
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
  }

  /** This host's name, written into the lock key's value so that operators see who leads. */
  public static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
