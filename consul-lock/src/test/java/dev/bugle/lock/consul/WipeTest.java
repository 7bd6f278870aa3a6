package dev.bugle.lock.consul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.LeaseLostException;
import dev.bugle.spi.Lease;
import dev.bugle.testkit.consul.ConsulEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A Consul whose data was lost (simulated by restarting the emulator on the same port: its state is in memory):
 * the next holder warns that it found no checkpoints, and its fencing token starts low again.
 */
class WipeTest extends EmulatedConsul {
  private static final Instant FIRE = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration WIPE_TTL = Duration.ofSeconds(5); // 20 commits on a loaded machine outlast 2s

  @Override
  protected ConsulLeaderLock lock(String... extra) {
    return super.lock("ttl", WIPE_TTL.toSeconds() + "s");
  }

  private String warning() {
    return "WARN dev.bugle.lock.consul.internal.ConsulCheckpoints - no checkpoints at " + key
        + "/checkpoints: the store was wiped or this is the first run; schedules are planned from now";
  }

  @Test
  void aHolderThatFindsNoCheckpointsWarnsOnceAndTheNextOneDoesNot() throws Exception {
    try (LogCapture log = new LogCapture()) {
      Lease first = lock().acquire(Duration.ZERO).orElseThrow();
      assertThat(first.checkpoints().load()).isEmpty();
      assertThat(first.checkpoints().load()).isEmpty();
      assertThat(log.lines(warning())).as("once per lease").hasSize(1);
      first.checkpoints().commit(Map.of("rates", FIRE));
      first.close();

      Lease second = lock().acquire(Duration.ofSeconds(2)).orElseThrow();
      assertThat(second.checkpoints().load()).containsEntry("rates", FIRE);
      assertThat(log.lines(warning())).as("checkpoints found: no warning").hasSize(1);
    }
  }

  @Test
  void afterAWipeTheNewHolderWarnsAndItsFencingTokenIsLowerThanTheDeposedOnes() throws Exception {
    try (LogCapture log = new LogCapture()) {
      Lease earlier = lock().acquire(Duration.ZERO).orElseThrow();
      earlier.checkpoints().load();
      for (int i = 0; i < 20; i++) { // a store with some history: every commit is a raft write
        earlier.checkpoints().commit(Map.of("rates", FIRE.plusSeconds(i)));
      }
      earlier.close();
      Lease deposed = lock().acquire(Duration.ofSeconds(2)).orElseThrow();
      assertThat(deposed.fencingToken()).isGreaterThan(earlier.fencingToken());
      CountDownLatch lost = new CountDownLatch(1);
      deposed.onLost(lost::countDown);

      long wiped = System.nanoTime();
      int port = consul.port();
      consul.close();
      consul = ConsulEmulator.start(options().withPort(port)); // same address, empty store, index 1
      Lease next = lock().acquire(Duration.ofSeconds(2)).orElseThrow();
      boolean overlapped = deposed.isValid();

      assertThat(next.checkpoints().load()).isEmpty();
      assertThat(log.lines(warning())).as("the first holder and the one after the wipe").hasSize(2);
      assertThat(next.fencingToken()).as("a wiped store's index restarts: the token goes backwards")
          .isLessThan(deposed.fencingToken());
      assertThat(lost.await(WIPE_TTL.toMillis(), TimeUnit.MILLISECONDS)).as("the deposed holder stops within TTL")
          .isTrue();
      System.out.printf("wipe: deposed token %d, new token %d, deposed still valid when the new one acquired: %s,"
          + " deposed lost %d ms after the wipe%n", deposed.fencingToken(), next.fencingToken(), overlapped,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wiped));
      assertThatThrownBy(() -> deposed.checkpoints().commit(Map.of("rates", FIRE.plusSeconds(99))))
          .isInstanceOf(LeaseLostException.class);
    }
  }

  /**
   * Consul down for a moment, then back empty: after its failed reads the monitor must not block on its old
   * index (the new store's index is lower, so that read would wait its whole 30s), nor wait for the next renew.
   * (An instant restart is not noticed by the monitor: OkHttp silently retries the GET on the new server.)
   */
  @Test
  void theDeposedHolderNoticesAWipeAtOnceNotAtItsNextRenew() throws Exception {
    Lease deposed = super.lock("ttl", "15s").acquire(Duration.ZERO).orElseThrow(); // first renew after 5s
    CountDownLatch lost = new CountDownLatch(1);
    deposed.onLost(lost::countDown);
    Thread.sleep(300); // the monitor is blocking on the key's index
    int port = consul.port();
    consul.close();
    Thread.sleep(500); // down: the monitor's reads fail
    long back = System.nanoTime();
    consul = ConsulEmulator.start(options().withPort(port));
    assertThat(lost.await(2, TimeUnit.SECONDS)).as("lost within 2s of Consul coming back empty").isTrue();
    System.out.printf("wipe: noticed %d ms after Consul came back%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back));
  }
}
