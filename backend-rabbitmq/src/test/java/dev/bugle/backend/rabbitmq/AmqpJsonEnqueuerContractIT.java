package dev.bugle.backend.rabbitmq;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.EnqueuerContract;
import dev.bugle.testkit.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/**
 * The enqueuer contract for {@code amqp-json} through a topic exchange, queue and binding the enqueuer declares
 * itself; messages are counted by {@code message-id}.
 */
class AmqpJsonEnqueuerContractIT extends EnqueuerContract {
  private static final String QUEUE = RabbitBroker.uniqueName("json-contract");
  private static final String EXCHANGE = RabbitBroker.uniqueName("json-contract-x");
  private final RabbitBroker broker = new RabbitBroker();

  @Override
  protected Enqueuer newEnqueuer() {
    return new AmqpJsonEnqueuerProvider().create(TestSettings.enqueuer("uri", RabbitBroker.URI,
        "exchange", EXCHANGE, "routing-key", "bugle.contract", "declare-exchange", "topic",
        "declare-queue", QUEUE, "binding-key", "bugle.#"));
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
