package dev.bugle.backend.rabbitmq.internal;

import dev.bugle.spi.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code celery} enqueuer's own settings.
 *
 * @param queue the queue when a schedule names none ({@code celery})
 * @param exchange {@code ""} (the default exchange, as Celery publishes to a direct queue) or a direct exchange
 * @param routingKey the routing key with a named exchange; null means the queue name
 * @param declare whether to declare the queue (and the exchange and binding) as Celery does
 * @param expires the default {@code expires}, relative to the fire time; null (unset or 0) for none
 * @param countdown the default delay of {@code eta} after the fire time; null for none (run at once)
 */
public record CelerySettings(String queue, String exchange, String routingKey, boolean declare, Duration expires,
    Duration countdown, int priority, String origin) {

  public CelerySettings {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(origin, "origin");
    if (priority < 0 || priority > 255) {
      throw new IllegalArgumentException("priority must be in [0, 255], got " + priority);
    }
    if (exchange.isEmpty() && routingKey != null) {
      throw new IllegalArgumentException("a routing key needs an exchange");
    }
  }

  public static CelerySettings read(Settings s) {
    String queue = s.string("queue", "celery", "celery");
    String exchange = s.string("exchange", "", "celery");
    String routingKey = s.find("routing-key").orElse(null);
    if (exchange.isEmpty() && routingKey != null) {
      throw s.error("routing-key", "is only used with an exchange; on the default exchange the routing key is"
          + " the queue name (set " + s.key("exchange") + ", or remove it)", "celery");
    }
    boolean declare = s.booleanOf("declare", true);
    Duration expires = optional(s, "expires");
    Duration countdown = optional(s, "countdown");
    int priority = s.intOf("priority", 0, 0, 255);
    return new CelerySettings(queue, exchange, routingKey, declare, expires, countdown, priority,
        "bugle@" + s.namespace());
  }

  /** Unset or 0 means none (null). Zero is the default rather than null, which core cannot format in errors. */
  private static Duration optional(Settings s, String key) {
    Duration d = s.durationOf(key, Duration.ZERO);
    return d.isZero() ? null : d;
  }
}
