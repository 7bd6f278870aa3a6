package dev.bugle.backend.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfirmTrackerTest {
  private final ConfirmTracker tracker = new ConfirmTracker();

  private void sendThree() {
    tracker.begin();
    tracker.sent(1, "a");
    tracker.sent(2, "b");
    tracker.sent(3, "c");
  }

  @Test
  void multipleAckSettlesEverythingUpToItsSequenceNumber() throws Exception {
    sendThree();
    tracker.handleAck(2, true);
    tracker.handleAck(3, false);
    ConfirmTracker.Result r = tracker.await(Duration.ofMillis(1));
    assertThat(r.ok()).isTrue();
    assertThat(r.sent()).isEqualTo(3);
  }

  @Test
  void aNackNamesTheRefusedJobs() throws Exception {
    sendThree();
    tracker.handleAck(1, false);
    tracker.handleNack(3, true);
    ConfirmTracker.Result r = tracker.await(Duration.ofMillis(1));
    assertThat(r.ok()).isFalse();
    assertThat(r.nacked()).containsExactly("b", "c");
  }

  @Test
  void aReturnedMessageFailsTheBatchEvenThoughItIsAcked() throws Exception {
    sendThree();
    tracker.handleReturn(312, "NO_ROUTE", "", "nowhere",
        new AMQP.BasicProperties.Builder().correlationId("b").build(), new byte[0]);
    tracker.handleAck(3, true);
    ConfirmTracker.Result r = tracker.await(Duration.ofMillis(1));
    assertThat(r.ok()).isFalse();
    assertThat(r.returned()).singleElement().asString()
        .contains("job b", "routing key 'nowhere'", "312 NO_ROUTE");
  }

  @Test
  void missingConfirmsTimeOutNamingTheUnconfirmedJobs() throws Exception {
    sendThree();
    tracker.handleAck(1, false);
    long start = System.nanoTime();
    ConfirmTracker.Result r = tracker.await(Duration.ofMillis(200));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    assertThat(r.unconfirmed()).containsExactly("b", "c");
    assertThat(r.shutdown()).isNull();
  }

  @Test
  void aChannelShutdownEndsTheWaitAtOnce() throws Exception {
    sendThree();
    ShutdownSignalException cause = new ShutdownSignalException(false, false, null, null);
    tracker.shutdownCompleted(cause);
    ConfirmTracker.Result r = tracker.await(Duration.ofMinutes(1));
    assertThat(r.shutdown()).isSameAs(cause);
    assertThat(r.unconfirmed()).hasSize(3);
  }

  @Test
  void aRecoveredChannelStartsItsNextBatchWithoutTheOldShutdown() throws Exception {
    sendThree();
    tracker.shutdownCompleted(new ShutdownSignalException(false, false, null, null));
    tracker.begin();
    tracker.sent(1, "d");
    tracker.handleAck(1, false);
    ConfirmTracker.Result r = tracker.await(Duration.ofSeconds(1));
    assertThat(r.ok()).isTrue();
    assertThat(r.shutdown()).isNull();
  }

  @Test
  void lateConfirmsOfAnEarlierBatchDoNotSettleTheNextOne() throws Exception {
    sendThree();
    tracker.begin();
    tracker.sent(4, "d");
    tracker.handleAck(3, true);
    assertThat(tracker.await(Duration.ofMillis(1)).unconfirmed()).containsExactly("d");
  }
}
