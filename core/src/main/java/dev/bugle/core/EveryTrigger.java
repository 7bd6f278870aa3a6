package dev.bugle.core;

import dev.bugle.core.internal.Durations;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Fires at a fixed rate, at {@code anchor + k * period}. The anchor is the epoch unless the schedule sets
 * {@code start-at}, and then nothing fires before it. Anchoring to a fixed instant, not to start-up, makes
 * every node and every restart agree on the fire instants, and so on the fires' ids.
 */
public record EveryTrigger(Duration period, Instant anchor, boolean startsAtAnchor) implements Trigger {
  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

  public EveryTrigger {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(anchor, "anchor");
    if (period.compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException("period must be at least 1ms, e.g. 15m; got " + period);
    }
  }

  /** Every {@code period}, on the grid anchored at the epoch. */
  public static EveryTrigger of(Duration period) {
    return new EveryTrigger(period, Instant.EPOCH, false);
  }

  @Override
  public Optional<Instant> nextAfter(Instant after) {
    if (startsAtAnchor && after.isBefore(anchor)) {
      return Optional.of(anchor);
    }
    Duration since = Duration.between(anchor, after);
    BigInteger sinceNanos = BigInteger.valueOf(since.getSeconds()).multiply(NANOS_PER_SECOND)
        .add(BigInteger.valueOf(since.getNano()));
    BigInteger[] qr = sinceNanos.divideAndRemainder(BigInteger.valueOf(period.toNanos()));
    long steps = qr[0].longValueExact() - (qr[1].signum() < 0 ? 1 : 0);
    return Optional.of(anchor.plus(period.multipliedBy(steps + 1)));
  }

  @Override
  public String describe() {
    return "every " + Durations.format(period) + (startsAtAnchor ? " from " + anchor : "");
  }
}
