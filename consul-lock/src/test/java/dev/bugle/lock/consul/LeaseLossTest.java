package dev.bugle.lock.consul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.LeaseLostException;
import dev.bugle.lock.consul.internal.ConsulApi;
import dev.bugle.lock.consul.internal.LeaseState;
import dev.bugle.lock.consul.internal.Renewer;
import dev.bugle.spi.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a holder learns that it lost the lock: deadline, renew 404, the monitor, the fenced checkpoint write. */
class LeaseLossTest extends EmulatedConsul {

  @Test
  void consulUnreachableMakesTheLeaseInvalidBeforeTheTtlSinceTheLastGoodRenew() throws Exception {
    Lease lease = lock().acquire(Duration.ZERO).orElseThrow();
    CompletableFuture<Long> lostAt = new CompletableFuture<>();
    lease.onLost(() -> lostAt.complete(System.nanoTime()));
    Thread.sleep(700);
    long stopped = System.nanoTime();
    consul.close();
    long lost = lostAt.get(TTL.toMillis() + 2000, TimeUnit.MILLISECONDS);
    assertThat(lease.isValid()).isFalse();
    long afterStop = TimeUnit.NANOSECONDS.toMillis(lost - stopped);
    // The last good renew was sent at most TTL/3 before the stop, so the deadline lies in [2/3 TTL, TTL].
    assertThat(afterStop).as("ms from the outage to onLost").isBetween(TTL.toMillis() / 2, TTL.toMillis() + 150);
  }

  @Test
  void aRenewAnswered404IsALoss() throws Exception {
    ConsulApi api = new ConsulApi(ConsulLockSettings.read(settings()));
    try {
      String session = api.createSession("test");
      LeaseState state = new LeaseState(System::nanoTime, TTL.toNanos(), System.nanoTime());
      CompletableFuture<String> lost = new CompletableFuture<>();
      state.onLost(() -> lost.complete(state.lossReason()));
      Renewer renewer = new Renewer(api, session, state, System::nanoTime, TTL);
      renewer.start();
      consul.store().invalidateSession(session);
      assertThat(lost.get(3, TimeUnit.SECONDS)).contains("404");
      renewer.stop();
    } finally {
      api.close();
    }
  }

  @Test
  void theMonitorSeesTheKeyDeletedAtOnce() throws Exception {
    Lease lease = lock().acquire(Duration.ZERO).orElseThrow();
    CompletableFuture<Long> lost = new CompletableFuture<>();
    lease.onLost(() -> lost.complete(System.nanoTime()));
    long deleted = System.nanoTime();
    assertThat(ConsulTargetHttp.delete(consul.address(), key)).isEqualTo(200);
    assertThat(TimeUnit.NANOSECONDS.toMillis(lost.get(2, TimeUnit.SECONDS) - deleted)).isLessThan(1000);
    assertThat(lease.isValid()).isFalse();
  }

  @Test
  void theMonitorSeesAnotherSessionTakeOver() throws Exception {
    ConsulLease lease = (ConsulLease) lock().acquire(Duration.ZERO).orElseThrow();
    CompletableFuture<Boolean> lost = new CompletableFuture<>();
    lease.onLost(() -> lost.complete(true));
    consul.store().invalidateSession(lease.sessionId());
    Lease next = lock().acquire(Duration.ofSeconds(2)).orElseThrow();
    assertThat(lost.get(2, TimeUnit.SECONDS)).isTrue();
    assertThat(lease.isValid()).isFalse();
    assertThat(next.isValid()).isTrue();
    assertThat(next.fencingToken()).isGreaterThan(lease.fencingToken());
  }

  @Test
  void aCheckpointWriteFailsOnceConsulDroppedTheSessionEvenBeforeTheHolderNoticed() throws Exception {
    ConsulLease lease = (ConsulLease) lock().acquire(Duration.ZERO).orElseThrow();
    lease.checkpoints().commit(Map.of("s", Instant.EPOCH));
    consul.store().invalidateSession(lease.sessionId());
    assertThatThrownBy(() -> lease.checkpoints().commit(Map.of("s", Instant.EPOCH.plusSeconds(1))))
        .isInstanceOf(LeaseLostException.class);
    assertThat(lease.isValid()).isFalse();
    assertThat(lease.checkpoints().load()).containsEntry("s", Instant.EPOCH);
  }

  @Test
  void theFencingTokenIsTheKeysModifyIndexAfterAcquiring() throws Exception {
    Lease lease = lock().acquire(Duration.ZERO).orElseThrow();
    assertThat(lease.fencingToken()).isEqualTo(consul.store().kvGet(key).value().modifyIndex());
  }
}
