package dev.bugle.backend.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import java.util.List;
import java.util.Objects;

/**
 * One message ready to publish, with the topology it needs declared first.
 *
 * @param jobId the job's id, named in every error about this message
 * @param exchange the exchange, {@code ""} for the default exchange
 */
public record OutgoingMessage(String jobId, String exchange, String routingKey, AMQP.BasicProperties properties,
    byte[] body, List<Declaration> declarations) {

  public OutgoingMessage {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(routingKey, "routingKey");
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(body, "body");
    declarations = List.copyOf(declarations);
  }

  /** "exchange 'x' with routing key 'k'", or the default exchange's wording. */
  public String destination() {
    return destination(exchange, routingKey);
  }

  static String destination(String exchange, String routingKey) {
    return (exchange.isEmpty() ? "the default exchange" : "exchange '" + exchange + "'")
        + " with routing key '" + routingKey + "'";
  }
}
