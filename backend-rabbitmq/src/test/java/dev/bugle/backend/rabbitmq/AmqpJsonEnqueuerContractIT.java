package dev.bugle.backend.rabbitmq;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.BackendEnqueuerContract;
import dev.bugle.testkit.TestSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/**
 * The enqueuer contract for {@code amqp-json} through a topic exchange, queue and binding the enqueuer declares
 * itself; messages are counted by {@code message-id}.
 */
class AmqpJsonEnqueuerContractIT extends BackendEnqueuerContract {
  private static final String QUEUE = RabbitBroker.uniqueName("json-contract");
  private static final String EXCHANGE = RabbitBroker.uniqueName("json-contract-x");
  private final RabbitBroker broker = new RabbitBroker();

  /** An enqueuer at {@code uri} that declares this class's exchange, queue and binding. */
  private static Enqueuer create(String uri, String... more) {
    List<String> settings = new ArrayList<>(List.of("uri", uri, "exchange", EXCHANGE, "routing-key", "bugle.contract",
        "declare-exchange", "topic", "declare-queue", QUEUE, "binding-key", "bugle.#"));
    settings.addAll(List.of(more));
    return new AmqpJsonEnqueuerProvider().create(TestSettings.enqueuer(settings.toArray(String[]::new)));
  }

  @Override
  protected Enqueuer newEnqueuer() {
    return create(RabbitBroker.URI);
  }

  @Override
  protected Enqueuer newEnqueuerForUnreachableBackend() {
    try {
      return new AmqpJsonEnqueuerProvider().create(TestSettings.enqueuer(
          "uri", "amqp://guest:guest@127.0.0.1:" + RabbitBroker.closedPort(), "connect-timeout", "2s",
          "routing-key", QUEUE));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  protected Misconfigured newEnqueuerWithWrongCredentials() {
    String secret = "wrong-" + UUID.randomUUID();
    return new Misconfigured(create("amqp://guest:" + secret + "@127.0.0.1:5672/%2F"), "bugle.enqueuer.test.uri",
        secret);
  }

  @Override
  protected int backendPort() {
    return 5672;
  }

  @Override
  protected Enqueuer newEnqueuerAt(int port) {
    return create("amqp://guest:guest@127.0.0.1:" + port + "/%2F", "connect-timeout", "2s", "confirm-timeout", "2s",
        "recovery-interval", "200ms");
  }

  @Override
  protected int timesEnqueued(JobRequest job) throws Exception {
    return broker.count(QUEUE, job.id().toString(), RabbitBroker::messageId);
  }

  @AfterEach
  void closeBroker() throws Exception {
    broker.close();
  }

  @AfterAll
  static void deleteTopology() throws Exception {
    try (RabbitBroker b = new RabbitBroker()) {
      b.deleteQueues(QUEUE);
      b.deleteExchanges(EXCHANGE);
    }
  }
}
