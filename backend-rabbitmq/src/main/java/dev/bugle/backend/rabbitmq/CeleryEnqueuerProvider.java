package dev.bugle.backend.rabbitmq;

import dev.bugle.backend.rabbitmq.internal.AmqpPublisher;
import dev.bugle.backend.rabbitmq.internal.CeleryFormat;
import dev.bugle.backend.rabbitmq.internal.CelerySettings;
import dev.bugle.backend.rabbitmq.internal.ConnectionSettings;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.spi.Settings;

/**
 * {@code type=celery}: Celery tasks (message protocol 2) on RabbitMQ, run by unmodified Celery 5 workers.
 * The schedule's {@code job} is the task name ({@code tasks.refresh_rates}), its {@code queue} the Celery queue.
 */
public final class CeleryEnqueuerProvider implements EnqueuerProvider {

  @Override
  public String type() {
    return "celery";
  }

  @Override
  public Enqueuer create(Settings settings) {
    ConnectionSettings connection = ConnectionSettings.read(settings);
    CelerySettings celery = CelerySettings.read(settings);
    return new RabbitEnqueuer(new CeleryFormat(celery), new AmqpPublisher(connection));
  }
}
