package dev.bugle.lock.consul.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The local deadline on a hand-driven monotonic clock: send time of the last good renew + TTL. */
class LeaseStateTest {
  private static final long TTL = 10_000;
  private final AtomicLong now = new AtomicLong(5_000);
  private final LeaseState state = new LeaseState(now::get, TTL, 4_000);

  @Test
  void validUntilTheSendTimeOfTheLastGoodRenewPlusTtl() {
    assertThat(state.isValid()).isTrue();
    now.set(13_999);
    assertThat(state.isValid()).isTrue();
    now.set(14_000);
    assertThat(state.isValid()).as("creation was sent at 4000; TTL 10000").isFalse();
  }

  @Test
  void aGoodRenewMovesTheDeadlineFromItsSendTime() {
    now.set(12_000);
    state.renewed(9_000);
    now.set(18_999);
    assertThat(state.isValid()).isTrue();
    now.set(19_000);
    assertThat(state.isValid()).isFalse();
  }

  @Test
  void aRenewAnsweredAfterTheDeadlineIsALossAndNeverRevives() {
    AtomicInteger lost = new AtomicInteger();
    state.onLost(lost::incrementAndGet);
    now.set(14_500);
    state.renewed(13_900);
    assertThat(state.isValid()).isFalse();
    assertThat(lost.get()).isEqualTo(1);
    now.set(15_000);
    state.renewed(14_900);
    assertThat(state.isValid()).isFalse();
    assertThat(lost.get()).isEqualTo(1);
  }

  @Test
  void lossRunsActionsOnceAndLateActionsAtOnce() {
    AtomicInteger calls = new AtomicInteger();
    state.onLost(calls::incrementAndGet);
    state.lose("test");
    state.lose("again");
    assertThat(calls.get()).isEqualTo(1);
    assertThat(state.lossReason()).isEqualTo("test");
    state.onLost(calls::incrementAndGet);
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void closeNeverRunsTheActions() {
    AtomicInteger calls = new AtomicInteger();
    state.onLost(calls::incrementAndGet);
    assertThat(state.close()).isTrue();
    assertThat(state.close()).isFalse();
    state.lose("after close");
    assertThat(calls.get()).isZero();
    assertThat(state.isValid()).isFalse();
  }
}
