package dev.bugle.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Fires once, at {@code at}. */
public record AtTrigger(Instant at) implements Trigger {
  public AtTrigger {
    Objects.requireNonNull(at, "at");
  }

  @Override
  public Optional<Instant> nextAfter(Instant after) {
    return at.isAfter(after) ? Optional.of(at) : Optional.empty();
  }

  @Override
  public String describe() {
    return "at " + at;
  }
}
