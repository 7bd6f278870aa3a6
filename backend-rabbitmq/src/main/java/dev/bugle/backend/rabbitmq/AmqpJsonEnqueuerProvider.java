package dev.bugle.backend.rabbitmq;

import dev.bugle.backend.rabbitmq.internal.AmqpJsonFormat;
import dev.bugle.backend.rabbitmq.internal.AmqpJsonSettings;
import dev.bugle.backend.rabbitmq.internal.AmqpPublisher;
import dev.bugle.backend.rabbitmq.internal.ConnectionSettings;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.spi.Settings;

/**
 * {@code type=amqp-json}: Bugle's JSON envelope (id, schedule, scheduled_at, job, queue, args, kwargs) as a
 * persistent message to a configured exchange and routing key, with {@code message-id} set to the job id.
 */
public final class AmqpJsonEnqueuerProvider implements EnqueuerProvider {

  @Override
  public String type() {
    return "amqp-json";
  }

  @Override
  public Enqueuer create(Settings settings) {
    ConnectionSettings connection = ConnectionSettings.read(settings);
    AmqpJsonSettings json = AmqpJsonSettings.read(settings);
    return new RabbitEnqueuer(new AmqpJsonFormat(json, settings.clock(), settings.prefix()),
        new AmqpPublisher(connection));
  }
}
