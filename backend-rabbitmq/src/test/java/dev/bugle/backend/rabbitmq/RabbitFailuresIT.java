package dev.bugle.backend.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.TcpProxy;
import dev.bugle.testkit.TestSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the enqueuers do when RabbitMQ misbehaves: the broker goes away and comes back, a message cannot be
 * routed, a publish is nacked, confirms do not arrive, a declaration conflicts. Each case is an
 * {@link EnqueueException} with a clear message, and nothing is lost.
 */
class RabbitFailuresIT {
  private final RabbitBroker broker = new RabbitBroker();
  private final List<String> queues = new ArrayList<>();
  private final List<String> exchanges = new ArrayList<>();

  private String queue(String what) {
    String q = RabbitBroker.uniqueName(what);
    queues.add(q);
    return q;
  }

  private static JobRequest job() {
    return JobRequest.of(TestSettings.NAMESPACE, "failure-" + UUID.randomUUID(), Instant.now(), "tasks.noop", null,
        List.of(1), Map.of(), Map.of());
  }

  private static Enqueuer celery(String... settings) {
    return new CeleryEnqueuerProvider().create(TestSettings.enqueuer(settings));
  }

  private static Enqueuer json(String... settings) {
    return new AmqpJsonEnqueuerProvider().create(TestSettings.enqueuer(settings));
  }

  @Test
  void brokerLostMidRunIsRetryableAndEveryFireArrivesOnceItReturns() throws Exception {
    String q = queue("outage");
    try (TcpProxy proxy = new TcpProxy(5672);
        Enqueuer enqueuer = celery("uri", "amqp://guest:guest@127.0.0.1:" + proxy.port(), "queue", q,
            "recovery-interval", "200ms", "connect-timeout", "2s", "confirm-timeout", "2s")) {
      JobRequest before = job();
      enqueuer.enqueue(before);

      proxy.cut();
      JobRequest during = job();
      List<JobRequest> batch = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        batch.add(job());
      }
      EnqueueException single = catchThrowableOfType(EnqueueException.class, () -> enqueuer.enqueue(during));
      assertThat(single).as("enqueue while the broker is away").isNotNull();
      assertThat(single.retryable()).isTrue();
      assertThat(single).hasMessageContaining("127.0.0.1:" + proxy.port());
      EnqueueException many = catchThrowableOfType(EnqueueException.class, () -> enqueuer.enqueueAll(batch));
      assertThat(many).as("enqueueAll while the broker is away").isNotNull();
      assertThat(many.retryable()).isTrue();

      proxy.restore();
      retry(() -> enqueuer.enqueue(during));
      retry(() -> enqueuer.enqueueAll(batch));
      JobRequest after = job();
      enqueuer.enqueue(after);

      assertThat(count(q, before)).isEqualTo(1);
      assertThat(count(q, during)).isGreaterThanOrEqualTo(1);
      for (JobRequest j : batch) {
        assertThat(count(q, j)).as("batch job %s", j.id()).isGreaterThanOrEqualTo(1);
      }
      assertThat(count(q, after)).isEqualTo(1);
    }
  }

  @Test
  void anUnroutableRoutingKeyIsAClearErrorNotASilentDrop() {
    String nowhere = RabbitBroker.uniqueName("nowhere");
    JobRequest job = job();
    try (Enqueuer enqueuer = json("uri", RabbitBroker.URI, "routing-key", nowhere)) {
      EnqueueException e = catchThrowableOfType(EnqueueException.class, () -> enqueuer.enqueue(job));
      assertThat(e).isNotNull().hasMessageContaining("unroutable").hasMessageContaining(job.id().toString())
          .hasMessageContaining("routing key '" + nowhere + "'").hasMessageContaining("312 NO_ROUTE");
      assertThat(e.retryable()).isTrue();
    }
    // A Celery queue nobody declared (declaring is turned off) is just as loud.
    try (Enqueuer enqueuer = celery("uri", RabbitBroker.URI, "queue", nowhere, "declare", "false")) {
      assertThat(catchThrowableOfType(EnqueueException.class, () -> enqueuer.enqueue(job)))
          .isNotNull().hasMessageContaining("unroutable").hasMessageContaining(job.id().toString());
    }
  }

  @Test
  void aMissingExchangeIsPermanentAndPublishingResumesOnceItExists() throws Exception {
    String exchange = RabbitBroker.uniqueName("missing-x");
    String q = queue("missing-x-q");
    try (Enqueuer enqueuer = json("uri", RabbitBroker.URI, "exchange", exchange, "routing-key", "k")) {
      JobRequest job = job();
      EnqueueException e = catchThrowableOfType(EnqueueException.class, () -> enqueuer.enqueue(job));
      assertThat(e).isNotNull().hasMessageContaining("404 NOT_FOUND")
          .hasMessageContaining("no exchange '" + exchange + "'");
      assertThat(e.retryable()).as("404 NOT_FOUND is a configuration mistake").isFalse();

      exchanges.add(exchange);
      broker.channel().exchangeDeclare(exchange, "direct", true);
      broker.channel().queueDeclare(q, true, false, false, null);
      broker.channel().queueBind(q, exchange, "k");
      enqueuer.enqueue(job);
      assertThat(broker.count(q, job.id().toString(), RabbitBroker::messageId)).isEqualTo(1);
    }
  }

  @Test
  void aNackedPublishIsAnEnqueueException() throws Exception {
    String full = queue("full");
    broker.channel().queueDeclare(full, true, false, false, Map.of("x-max-length", 0,
        "x-overflow", "reject-publish"));
    try (Enqueuer enqueuer = json("uri", RabbitBroker.URI, "routing-key", full)) {
      JobRequest job = job();
      JobRequest other = job();
      EnqueueException e = catchThrowableOfType(EnqueueException.class, () -> enqueuer.enqueueAll(List.of(job, other)));
      assertThat(e).isNotNull().hasMessageContaining("nack").hasMessageContaining(job.id().toString());
      assertThat(e.retryable()).isTrue();
      assertThat(e.failedJobs()).containsExactlyInAnyOrder(job.id(), other.id());
    }
  }

  @Test
  void confirmsThatNeverComeTimeOutAndTheJobIsResentWithItsId() throws Exception {
    String q = queue("silent");
    try (TcpProxy proxy = new TcpProxy(5672);
        Enqueuer enqueuer = json("uri", "amqp://guest:guest@127.0.0.1:" + proxy.port(), "routing-key", q,
            "declare-queue", q, "confirm-timeout", "1s")) {
      enqueuer.enqueue(job());
      proxy.holdReplies(true);
      JobRequest job = job();
      EnqueueException e = catchThrowableOfType(EnqueueException.class, () -> enqueuer.enqueue(job));
      assertThat(e).isNotNull().hasMessageContaining("no publisher confirm within 1000ms")
          .hasMessageContaining("bugle.enqueuer.test.confirm-timeout").hasMessageContaining(job.id().toString());
      assertThat(e.retryable()).isTrue();

      proxy.holdReplies(false);
      enqueuer.enqueue(job);
      // The first copy reached the broker, only its confirm was late: at-least-once, with the same id.
      assertThat(broker.count(q, job.id().toString(), RabbitBroker::messageId)).isEqualTo(2);
    }
  }

  @Test
  void aQueueDeclaredOtherwiseIsA406ThatPointsAtTheDeclareSetting() throws Exception {
    String q = queue("priority");
    broker.channel().queueDeclare(q, true, false, false, Map.of("x-max-priority", 10));
    JobRequest job = job();
    try (Enqueuer enqueuer = celery("uri", RabbitBroker.URI, "queue", q)) {
      EnqueueException e = catchThrowableOfType(EnqueueException.class, () -> enqueuer.enqueue(job));
      assertThat(e).isNotNull().hasMessageContaining("declaring queue '" + q + "'")
          .hasMessageContaining("406 PRECONDITION_FAILED").hasMessageContaining("bugle.enqueuer.test.");
      assertThat(e.retryable()).as("a conflicting declaration stays conflicting").isFalse();
    }
    try (Enqueuer enqueuer = celery("uri", RabbitBroker.URI, "queue", q, "declare", "false", "priority", "5")) {
      enqueuer.enqueue(job);
      assertThat(broker.count(q, job.id().toString(), RabbitBroker::celeryTaskId)).isEqualTo(1);
    }
  }

  @Test
  void oneJobThatCannotBeAMessageDoesNotHoldBackTheRestOfTheBatch() throws Exception {
    String q = queue("partial");
    JobRequest first = job();
    JobRequest bad = JobRequest.of(TestSettings.NAMESPACE, "bad-" + UUID.randomUUID(), Instant.now(), "tasks.noop",
        null, List.of(1), Map.of(), Map.of("priority", "999"));
    JobRequest last = job();
    try (Enqueuer enqueuer = celery("uri", RabbitBroker.URI, "queue", q)) {
      EnqueueException e = catchThrowableOfType(EnqueueException.class,
          () -> enqueuer.enqueueAll(List.of(first, bad, last)));
      assertThat(e).isNotNull().hasMessageContaining(bad.id().toString()).hasMessageContaining("option.priority");
      assertThat(e.retryable()).isFalse();
      assertThat(e.failedJobs()).containsExactly(bad.id());
      assertThat(count(q, first)).isEqualTo(1);
      assertThat(count(q, last)).isEqualTo(1);
      assertThat(count(q, bad)).isZero();
    }
  }

  @Test
  void wrongPasswordStopsStartUpAndIsNotRetried() {
    String secret = "not-the-password-" + UUID.randomUUID();
    try (Enqueuer enqueuer = celery("uri", "amqp://guest:" + secret + "@127.0.0.1:5672/%2F")) {
      ConfigException e = catchThrowableOfType(ConfigException.class, enqueuer::open);
      assertThat(e).isNotNull().hasMessageContaining("ACCESS_REFUSED").hasMessageContaining("guest:****@")
          .hasMessageNotContaining(secret);
      assertThat(e.key()).isEqualTo("bugle.enqueuer.test.uri");
      EnqueueException send = catchThrowableOfType(EnqueueException.class, () -> enqueuer.enqueue(job()));
      assertThat(send).isNotNull().hasMessageNotContaining(secret);
      assertThat(send.retryable()).as("retrying a refused login: %s", send.getMessage()).isFalse();
    }
    try (Enqueuer enqueuer = celery("uri", RabbitBroker.URI, "password", secret)) {
      assertThat(catchThrowableOfType(ConfigException.class, enqueuer::open)).isNotNull()
          .hasMessageContaining("bugle.enqueuer.test.password").hasMessageNotContaining(secret);
    }
  }

  @Test
  void aMissingVirtualHostStopsStartUpNamingTheUri() {
    String vhost = RabbitBroker.uniqueName("vhost");
    try (Enqueuer enqueuer = json("uri", "amqp://guest:guest@127.0.0.1:5672/" + vhost, "routing-key", "k")) {
      ConfigException e = catchThrowableOfType(ConfigException.class, enqueuer::open);
      assertThat(e).isNotNull().hasMessageContaining(vhost);
      assertThat(e.key()).isEqualTo("bugle.enqueuer.test.uri");
    }
  }

  @Test
  void aBrokerThatIsDownAtStartUpIsOnlyLogged() throws Exception {
    try (Enqueuer enqueuer = json("uri", "amqp://guest:guest@127.0.0.1:" + RabbitBroker.closedPort(),
        "routing-key", "k", "connect-timeout", "1s")) {
      enqueuer.open();
      assertThat(catchThrowableOfType(EnqueueException.class, () -> enqueuer.enqueue(job())).retryable()).isTrue();
    }
  }

  private int count(String q, JobRequest job) throws Exception {
    return broker.count(q, job.id().toString(), RabbitBroker::celeryTaskId);
  }

  /** Retries like the scheduler does: retryable failures again after a short pause, for at most 20 seconds. */
  private static void retry(Runnable enqueue) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        enqueue.run();
        return;
      } catch (EnqueueException e) {
        assertThat(e.retryable()).as("retryable: %s", e.getMessage()).isTrue();
        if (System.nanoTime() > deadline) {
          throw new AssertionError("still failing after 20s", e);
        }
        Thread.sleep(100);
      }
    }
  }

  @AfterEach
  void cleanUp() throws Exception {
    broker.deleteQueues(queues.toArray(String[]::new));
    broker.deleteExchanges(exchanges.toArray(String[]::new));
    broker.close();
  }
}
