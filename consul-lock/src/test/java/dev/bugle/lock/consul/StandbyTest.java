package dev.bugle.lock.consul;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.spi.Lease;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Standbys block on the key (no polling) and honour the lock-delay after a holder's session dies. */
class StandbyTest extends EmulatedConsul {

  @Test
  void aStandbyBlocksInsteadOfPolling() throws Exception {
    Lease held = lock().acquire(Duration.ZERO).orElseThrow();
    ConsulLeaderLock standby = lock();
    CompletableFuture<Optional<Lease>> waiting = CompletableFuture.supplyAsync(() -> acquire(standby, Duration.ofSeconds(3)));
    Thread.sleep(300);
    long before = consul.requestCount();
    Thread.sleep(1500);
    long during = consul.requestCount() - before;
    // The holder renews every TTL/3 (about 2 calls in 1.5s); a standby adds at most one blocking read.
    assertThat(during).as("requests in 1.5s while the lock was held").isLessThanOrEqualTo(5);
    held.close();
    assertThat(waiting.get(3, TimeUnit.SECONDS)).isPresent();
  }

  @Test
  void afterACrashTheStandbyWaitsOutTheLockDelayThenTakesOver() throws Exception {
    Duration lockDelay = Duration.ofMillis(1500);
    ConsulLease crashed = (ConsulLease) lock("lock-delay", "1500ms").acquire(Duration.ZERO).orElseThrow();
    ConsulLeaderLock standby = lock("lock-delay", "1500ms");
    CompletableFuture<Optional<Lease>> waiting = CompletableFuture.supplyAsync(() -> acquire(standby, Duration.ofSeconds(10)));
    Thread.sleep(300);
    long invalidated = System.nanoTime();
    consul.store().invalidateSession(crashed.sessionId()); // what a TTL expiry after a kill -9 does
    long requestsBefore = consul.requestCount();
    Lease next = waiting.get(5, TimeUnit.SECONDS).orElseThrow();
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - invalidated);
    assertThat(tookMillis).as("ms until the standby held the lock").isBetween(lockDelay.toMillis(),
        lockDelay.toMillis() + 700);
    assertThat(consul.requestCount() - requestsBefore).as("no polling during the lock-delay").isLessThan(25);
    assertThat(next.fencingToken()).isGreaterThan(crashed.fencingToken());
  }

  @Test
  void acquireWithinALockDelayGivesUpAtTheDeadline() throws Exception {
    ConsulLease crashed = (ConsulLease) lock("lock-delay", "5s").acquire(Duration.ZERO).orElseThrow();
    consul.store().invalidateSession(crashed.sessionId());
    long start = System.nanoTime();
    assertThat(lock().acquire(Duration.ofMillis(800))).isEmpty();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(700L, 2000L);
  }

  @Test
  void anInterruptEndsTheStandbyWaitAtOnce() throws Exception { // Bugle.stop() while in standby
    lock().acquire(Duration.ZERO).orElseThrow();
    ConsulLeaderLock standby = lock();
    CompletableFuture<Long> interruptedAfter = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        standby.acquire(Duration.ofSeconds(60));
        interruptedAfter.completeExceptionally(new AssertionError("acquire returned"));
      } catch (InterruptedException e) {
        interruptedAfter.complete(System.nanoTime());
      }
    });
    t.start();
    Thread.sleep(500);
    long interrupted = System.nanoTime();
    t.interrupt();
    assertThat(TimeUnit.NANOSECONDS.toMillis(interruptedAfter.get(5, TimeUnit.SECONDS) - interrupted)).isLessThan(500);
  }

  @Test
  void closingTheLockStopsItsThreads() throws Exception {
    ConsulLeaderLock lock = lock();
    lock.acquire(Duration.ZERO).orElseThrow();
    lock.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (bugleThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(bugleThreads()).isZero();
    assertThat(consul.store().kvGet(key).value().session()).as("released on close").isNull();
  }

  private static long bugleThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("bugle-consul") && t.isAlive()).count();
  }

  private static Optional<Lease> acquire(ConsulLeaderLock lock, Duration wait) {
    try {
      return lock.acquire(wait);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
