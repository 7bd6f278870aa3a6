package dev.bugle.backend.rabbitmq.internal;

import dev.bugle.spi.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code amqp-json} enqueuer's own settings: where to publish, and what (if anything) to declare first.
 *
 * @param exchange {@code ""} for the default exchange
 * @param routingKey used when the schedule names no queue; {@code ""} is allowed with a named exchange (fanout)
 * @param declarations the exchange, queue and binding to declare before the first publish (may be empty)
 */
public record AmqpJsonSettings(String exchange, String routingKey, List<Declaration> declarations) {
  static final Set<String> EXCHANGE_TYPES = Set.of("none", "direct", "fanout", "topic", "headers");

  public AmqpJsonSettings {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(routingKey, "routingKey");
    declarations = List.copyOf(declarations);
  }

  public static AmqpJsonSettings read(Settings s) {
    String exchange = s.string("exchange", "", "jobs");
    String routingKey = s.string("routing-key", "", "bugle.jobs");
    String exchangeType = s.oneOf("declare-exchange", "none", EXCHANGE_TYPES);
    String queue = s.find("declare-queue").orElse(null);
    String bindingKey = s.find("binding-key").orElse(null);
    List<Declaration> declarations = new ArrayList<>();
    if (!exchangeType.equals("none")) {
      if (exchange.isEmpty()) {
        throw s.error("declare-exchange", "declares the exchange named by " + s.key("exchange")
            + ", which is unset (the default exchange cannot be declared)", "topic");
      }
      declarations.add(new Declaration.Exchange(exchange, exchangeType));
    }
    if (queue != null) {
      declarations.add(new Declaration.Queue(queue));
      if (!exchange.isEmpty()) {
        declarations.add(new Declaration.Binding(queue, exchange, bindingKey == null ? routingKey : bindingKey));
      }
    }
    if (bindingKey != null && (queue == null || exchange.isEmpty())) {
      throw s.error("binding-key", "binds " + s.key("declare-queue") + " to " + s.key("exchange")
          + ", so it needs both", "bugle.#");
    }
    if (exchange.isEmpty() && routingKey.isEmpty() && queue != null) {
      routingKey = queue;
    }
    return new AmqpJsonSettings(exchange, routingKey, declarations);
  }
}
