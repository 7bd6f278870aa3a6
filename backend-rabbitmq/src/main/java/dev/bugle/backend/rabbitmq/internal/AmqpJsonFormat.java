package dev.bugle.backend.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import dev.bugle.support.JobJson;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Date;
import java.util.Set;

/**
 * Bugle's generic JSON envelope ({@link JobJson#envelope}) as a persistent AMQP message whose
 * {@code message-id} is the job id, for consumers of any language. The routing key is the schedule's queue when
 * it names one, else the {@code routing-key} setting.
 */
public final class AmqpJsonFormat implements MessageFormat {
  private final AmqpJsonSettings settings;
  private final InstantSource clock;
  private final String prefix;

  /** {@code prefix} is the enqueuer's property prefix, for messages; {@code clock} stamps the timestamp property. */
  public AmqpJsonFormat(AmqpJsonSettings settings, InstantSource clock, String prefix) {
    this.settings = settings;
    this.clock = clock;
    this.prefix = prefix;
  }

  @Override
  public Set<String> jobOptions() {
    return Set.of();
  }

  @Override
  public OutgoingMessage toMessage(JobRequest job) {
    String routingKey = job.queueOr(settings.routingKey());
    if (settings.exchange().isEmpty() && routingKey.isEmpty()) {
      throw new ConfigException(prefix + "routing-key", "the default exchange needs a routing key (a queue name):"
          + " set it, or the schedule's queue (bugle.schedule." + job.schedule() + ".queue); for example: "
          + prefix + "routing-key=bugle-jobs");
    }
    String id = job.id().toString();
    AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
        .contentType("application/json")
        .contentEncoding("utf-8")
        .deliveryMode(2)
        .messageId(id)
        .type(job.job())
        .appId("bugle")
        .timestamp(Date.from(clock.instant()))
        .build();
    byte[] body = JobJson.write(JobJson.envelope(job)).getBytes(StandardCharsets.UTF_8);
    return new OutgoingMessage(id, settings.exchange(), routingKey, properties, body, settings.declarations());
  }
}
