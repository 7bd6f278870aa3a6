package dev.bugle.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a lock's store says now, read without taking the lock: who holds it (where the lock can tell), with
 * which fencing token since when, and the checkpoints. {@code bugle status}, a standby's log line and the
 * status API read it.
 *
 * @param reachable false when the store could not be read; {@code problem} says why
 * @param holder who holds the lock, in words ({@code host web-3 pid 4121}); empty when nobody does or the lock
 *     cannot tell
 * @param fencingToken the holder's fencing token, where the store keeps it
 * @param since when the holder acquired the lock, where the store keeps it
 * @param checkpoints the last committed fire per schedule (schedule name to scheduled instant)
 * @param problem why the store could not be read, masked of secrets
 */
public record LockStatus(boolean reachable, Optional<String> holder, OptionalLong fencingToken,
    Optional<Instant> since, Map<String, Instant> checkpoints, Optional<String> problem) {
  public LockStatus {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(fencingToken, "fencingToken");
    Objects.requireNonNull(since, "since");
    checkpoints = Map.copyOf(checkpoints);
    Objects.requireNonNull(problem, "problem");
  }

  /** A store that could not be read. */
  public static LockStatus unreachable(String problem) {
    return new LockStatus(false, Optional.empty(), OptionalLong.empty(), Optional.empty(), Map.of(),
        Optional.of(problem));
  }
}
