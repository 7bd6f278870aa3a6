package dev.bugle.core.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.spi.Lease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract does not cover: an interrupted standby, the fencing of the state file, its journal. */
class LocalLockTest {
  @TempDir
  Path dir;

  private LocalLock lock() {
    return new LocalLock(dir, "ns", InstantSource.system());
  }

  @Test
  void anInterruptedStandbyEndsWithInterruptedExceptionAndHoldsNothing() throws Exception {
    LocalLock holder = lock();
    Lease held = holder.acquire(Duration.ZERO).orElseThrow();
    LocalLock standby = lock();
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        Optional<Lease> lease = standby.acquire(Duration.ofMinutes(1));
        outcome.complete(new AssertionError("acquired while held: " + lease));
      } catch (Throwable e) {
        outcome.complete(e);
      }
    });
    t.start();
    Thread.sleep(100);
    t.interrupt();
    assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    held.close();
    assertThat(lock().acquire(Duration.ofSeconds(2))).as("nothing left held by the interrupted standby").isPresent();
  }

  @Test
  void aDeposedHolderCannotCommitOverItsSuccessor() throws Exception {
    LocalLock first = lock();
    Lease old = first.acquire(Duration.ZERO).orElseThrow();
    // Somebody removes the lock file; a second process locks a new one and takes the next token.
    Files.delete(dir.resolve("ns.lock"));
    Lease next = lock().acquire(Duration.ofSeconds(2)).orElseThrow();
    assertThat(next.fencingToken()).isGreaterThan(old.fencingToken());
    next.checkpoints().commit(java.util.Map.of("s", java.time.Instant.parse("2026-01-01T00:00:00Z")));
    try {
      old.checkpoints().commit(java.util.Map.of("s", java.time.Instant.parse("2027-01-01T00:00:00Z")));
    } catch (dev.bugle.core.LeaseLostException expected) {
      // refused: either the watchdog noticed first, or the state file's token was newer
    }
    assertThat(next.checkpoints().load()).containsEntry("s", java.time.Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(old.isValid()).isFalse();
    next.close();
  }

  @Test
  void aSuccessorLoadsTheCommitsItsPredecessorJournaled() throws Exception {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    Lease first = lock().acquire(Duration.ZERO).orElseThrow();
    first.checkpoints().commit(Map.of("a", at));
    first.checkpoints().commit(Map.of("a", at.plusSeconds(60), "b", at));
    assertThat(dir.resolve("ns.state.log")).exists();
    first.close();
    Lease next = lock().acquire(Duration.ofSeconds(2)).orElseThrow();
    assertThat(next.checkpoints().load()).containsOnly(Map.entry("a", at.plusSeconds(60)), Map.entry("b", at));
    assertThat(dir.resolve("ns.state.log")).as("folded into the successor's snapshot").doesNotExist();
    next.close();
  }

  @Test
  void aHolderAfterTheStateDirectoryWasWipedGetsATokenAboveTheDeposedOne() throws Exception {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T12:00:00Z"));
    InstantSource clock = now::get;
    Lease old = new LocalLock(dir, "ns", clock).acquire(Duration.ZERO).orElseThrow();
    old.checkpoints().commit(Map.of("s", Instant.parse("2026-06-01T11:00:00Z")));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f); // the whole state directory is wiped (lock file, snapshot, journal)
      }
    }
    Files.delete(dir);
    now.set(now.get().plusSeconds(1));
    Lease next = new LocalLock(dir, "ns", clock).acquire(Duration.ofSeconds(5)).orElseThrow();
    assertThat(next.fencingToken()).isGreaterThan(old.fencingToken());
    assertThat(next.checkpoints().load()).isEmpty();
    assertThat(old.isValid()).isFalse();
    next.close();
  }

  @Test
  void tokensStillGrowWhenTheWallClockStepsBack() throws Exception {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T12:00:00Z"));
    LocalLock lock = new LocalLock(dir, "ns", now::get);
    Lease first = lock.acquire(Duration.ZERO).orElseThrow();
    first.close();
    now.set(now.get().minusSeconds(3600));
    Lease second = lock.acquire(Duration.ZERO).orElseThrow();
    assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
    second.close();
  }
}
