package dev.bugle.backend.rabbitmq;

import dev.bugle.backend.rabbitmq.internal.AmqpPublisher;
import dev.bugle.backend.rabbitmq.internal.MessageFormat;
import dev.bugle.backend.rabbitmq.internal.OutgoingMessage;
import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An enqueuer over RabbitMQ: a {@link MessageFormat} decides what each job's message looks like, the shared
 * {@link AmqpPublisher} publishes a batch with confirms. At-least-once: RabbitMQ cannot deduplicate, so a fire
 * re-sent after a failover can arrive twice, with the same id (Celery task id, AMQP {@code message-id}).
 */
final class RabbitEnqueuer implements Enqueuer {
  private final MessageFormat format;
  private final AmqpPublisher publisher;

  RabbitEnqueuer(MessageFormat format, AmqpPublisher publisher) {
    this.format = format;
    this.publisher = publisher;
  }

  @Override
  public void enqueue(JobRequest job) throws EnqueueException {
    enqueueAll(List.of(job));
  }

  /** Publishes the whole batch, then waits once for all its confirms. */
  @Override
  public void enqueueAll(List<JobRequest> jobs) throws EnqueueException {
    List<OutgoingMessage> messages = new ArrayList<>(jobs.size());
    for (JobRequest job : jobs) {
      try {
        messages.add(format.toMessage(job));
      } catch (ConfigException | IllegalArgumentException e) {
        throw new EnqueueException("job " + job.id() + " of schedule '" + job.schedule()
            + "' cannot be turned into a message: " + e.getMessage(), e, false);
      }
    }
    publisher.publish(messages);
  }

  @Override
  public boolean deduplicates() {
    return false;
  }

  @Override
  public Set<String> jobOptions() {
    return format.jobOptions();
  }

  @Override
  public void validate(JobRequest sample) {
    format.toMessage(sample);
  }

  @Override
  public void close() {
    publisher.close();
  }
}
