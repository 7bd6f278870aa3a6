package dev.bugle.backend.rabbitmq;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.BackendEnqueuerContract;
import dev.bugle.testkit.TestSettings;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/** The enqueuer contract for {@code celery}, against the real RabbitMQ; messages are counted by Celery task id. */
class CeleryEnqueuerContractIT extends BackendEnqueuerContract {
  private static final String QUEUE = RabbitBroker.uniqueName("celery-contract");
  private final RabbitBroker broker = new RabbitBroker();

  @Override
  protected Enqueuer newEnqueuer() {
    return new CeleryEnqueuerProvider().create(TestSettings.enqueuer("uri", RabbitBroker.URI, "queue", QUEUE));
  }

  @Override
  protected Enqueuer newEnqueuerForUnreachableBackend() {
    try {
      return new CeleryEnqueuerProvider().create(TestSettings.enqueuer(
          "uri", "amqp://guest:guest@127.0.0.1:" + RabbitBroker.closedPort(), "connect-timeout", "2s"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  protected Misconfigured newEnqueuerWithWrongCredentials() {
    String secret = "wrong-" + UUID.randomUUID();
    return new Misconfigured(new CeleryEnqueuerProvider().create(TestSettings.enqueuer(
        "uri", "amqp://guest:" + secret + "@127.0.0.1:5672/%2F", "queue", QUEUE)),
        "bugle.enqueuer.test.uri", secret);
  }

  @Override
  protected int backendPort() {
    return 5672;
  }

  @Override
  protected Enqueuer newEnqueuerAt(int port) {
    return new CeleryEnqueuerProvider().create(TestSettings.enqueuer("uri",
        "amqp://guest:guest@127.0.0.1:" + port + "/%2F",
        "connect-timeout", "2s", "confirm-timeout", "2s", "recovery-interval", "200ms", "queue", QUEUE));
  }

  @Override
  protected int timesEnqueued(JobRequest job) throws Exception {
    return broker.count(QUEUE, job.id().toString(), RabbitBroker::celeryTaskId);
  }

  @AfterEach
  void closeBroker() throws Exception {
    broker.close();
  }

  @AfterAll
  static void deleteQueue() throws Exception {
    try (RabbitBroker b = new RabbitBroker()) {
      b.deleteQueues(QUEUE);
    }
  }
}
