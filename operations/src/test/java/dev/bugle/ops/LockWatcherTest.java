package dev.bugle.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.Lease;
import dev.bugle.spi.LockStatus;
import dev.bugle.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LockWatcherTest {
  private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicReference<LockStatus> store = new AtomicReference<>(new LockStatus(true,
      Optional.of("host web-1 pid 7"), OptionalLong.of(4), Optional.of(clock.instant()), Map.of(), Optional.empty()));
  private final AtomicBoolean leading = new AtomicBoolean();
  private final LeaderLock lock = new LeaderLock() {
    @Override
    public Optional<Lease> acquire(Duration maxWait) {
      throw new AssertionError("the watcher must never take the lock");
    }

    @Override
    public LockStatus inspect() {
      reads.incrementAndGet();
      return store.get();
    }

    @Override
    public void close() {
    }
  };
  private final LockWatcher watcher = new LockWatcher(() -> lock, clock, leading::get);

  @Test
  void aStandbyIsInTouchWhileItsLastReadIsRecentAndReachable() {
    assertThat(watcher.inTouch()).as("before any read").isFalse();
    watcher.readUnlessLeading();
    assertThat(watcher.inTouch()).isTrue();
    assertThat(watcher.last().orElseThrow().status().holder()).hasValue("host web-1 pid 7");
    clock.advance(LockWatcher.FRESH);
    assertThat(watcher.inTouch()).as("a stale read proves nothing").isFalse();
    store.set(LockStatus.unreachable("connection refused"));
    watcher.readUnlessLeading();
    assertThat(watcher.inTouch()).isFalse();
  }

  @Test
  void aLeaderDoesNotReadTheStore() {
    leading.set(true);
    watcher.readUnlessLeading();
    assertThat(reads).hasValue(0);
  }

  @Test
  void aThrowingInspectCountsAsUnreachable() {
    LeaderLock throwing = new LeaderLock() {
      @Override
      public Optional<Lease> acquire(Duration maxWait) {
        return Optional.empty();
      }

      @Override
      public LockStatus inspect() {
        throw new IllegalStateException("boom at redis://u:pw@h");
      }

      @Override
      public void close() {
      }
    };
    LockWatcher w = new LockWatcher(() -> throwing, clock, () -> false);
    w.readUnlessLeading();
    assertThat(w.inTouch()).isFalse();
    assertThat(w.last().orElseThrow().status().problem()).hasValue("boom at redis://u:****@h");
  }
}
