package dev.bugle.core.internal.local;

import dev.bugle.spi.LockStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link LocalLock#inspect()}: the snapshot and the journal, read without locking anything. It never opens the lock
 * file: closing any channel on it would drop the lock this JVM may hold on it. The holder is named until it
 * releases the lock, unless it is a process of this host that no longer runs (it crashed); a holder killed on
 * another host (a shared disk) stays named until the next one takes over.
 */
final class Inspection {
  private Inspection() {
  }

  static LockStatus of(StateFile state) {
    StateFile.State s;
    try {
      s = state.read();
    } catch (IOException e) {
      return LockStatus.unreachable(e.getMessage());
    }
    Optional<Holder> holder = Optional.ofNullable(s.holder()).filter(Holder::mayBeAlive);
    return new LockStatus(true, holder.map(Holder::inWords),
        s.fencingToken() == 0 ? OptionalLong.empty() : OptionalLong.of(s.fencingToken()),
        holder.map(Holder::since), s.checkpoints(), Optional.empty());
  }

  /** {@code host web-3 pid 4121, holder since 2026-12-01T15:00:00Z (fencing token 17)}, for a waiting standby. */
  static String waitingFor(LockStatus s) {
    if (!s.reachable()) {
      return "its holder (" + s.problem().orElse("the state cannot be read") + ")";
    }
    if (s.holder().isEmpty()) {
      return "a holder that has not recorded itself (it is taking the lock now, or is not a bugle)";
    }
    return s.holder().get() + ", holder since " + s.since().map(Instant::toString).orElse("?")
        + (s.fencingToken().isPresent() ? " (fencing token " + s.fencingToken().getAsLong() + ")" : "");
  }
}
