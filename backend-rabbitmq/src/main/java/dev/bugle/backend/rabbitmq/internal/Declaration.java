package dev.bugle.backend.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Objects;

/**
 * Topology an enqueuer declares before its first publish. Everything is durable, not auto-deleted and has no
 * arguments: the way Celery (kombu) declares its queues and exchanges, so that both sides agree (a declaration
 * with other arguments fails with 406 PRECONDITION_FAILED).
 */
public sealed interface Declaration {

  void apply(Channel channel) throws IOException;

  /** A durable, non-exclusive queue without arguments (Celery's {@code Queue(name, durable=True)}). */
  record Queue(String name) implements Declaration {
    public Queue {
      requireName(name, "queue");
    }

    @Override
    public void apply(Channel channel) throws IOException {
      channel.queueDeclare(name, true, false, false, null);
    }

    @Override
    public String toString() {
      return "queue '" + name + "'";
    }
  }

  /** A durable exchange of {@code type} (direct, fanout, topic or headers). */
  record Exchange(String name, String type) implements Declaration {
    public Exchange {
      requireName(name, "exchange");
      requireName(type, "exchange type");
    }

    @Override
    public void apply(Channel channel) throws IOException {
      channel.exchangeDeclare(name, type, true, false, false, null);
    }

    @Override
    public String toString() {
      return type + " exchange '" + name + "'";
    }
  }

  /** Binds {@code queue} to {@code exchange} with {@code key}. */
  record Binding(String queue, String exchange, String key) implements Declaration {
    public Binding {
      requireName(queue, "queue");
      requireName(exchange, "exchange");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public void apply(Channel channel) throws IOException {
      channel.queueBind(queue, exchange, key);
    }

    @Override
    public String toString() {
      return "binding of queue '" + queue + "' to exchange '" + exchange + "' with key '" + key + "'";
    }
  }

  private static void requireName(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " name must be non-blank");
    }
  }
}
