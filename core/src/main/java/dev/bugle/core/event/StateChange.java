package dev.bugle.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A node changed state.
 *
 * @param at when, on the node's injected clock
 * @param lockType the configured lock ({@code local}, {@code consul})
 * @param fencingToken the lease's token while {@link NodeState#LEADING} (and in the {@code LOST} that ends it)
 * @param detail why, in words (for {@code LOST}: what ended the ownership); empty when there is nothing to add
 */
public record StateChange(Instant at, NodeState state, String lockType, OptionalLong fencingToken,
    Optional<String> detail) {
  public StateChange {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(lockType, "lockType");
    Objects.requireNonNull(fencingToken, "fencingToken");
    Objects.requireNonNull(detail, "detail");
  }
}
