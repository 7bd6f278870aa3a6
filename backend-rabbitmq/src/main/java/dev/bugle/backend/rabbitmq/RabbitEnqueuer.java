package dev.bugle.backend.rabbitmq;

import dev.bugle.backend.rabbitmq.internal.AmqpPublisher;
import dev.bugle.backend.rabbitmq.internal.MessageFormat;
import dev.bugle.backend.rabbitmq.internal.OutgoingMessage;
import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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

  /**
   * Publishes the whole batch, then waits once for all its confirms. A job that cannot be a message (which
   * {@link #validate} reports at start-up) does not hold back the others: they are published, then a permanent
   * error names it in {@link EnqueueException#failedJobs()}.
   */
  @Override
  public void enqueueAll(List<JobRequest> jobs) throws EnqueueException {
    List<OutgoingMessage> messages = new ArrayList<>(jobs.size());
    Set<UUID> refused = new HashSet<>();
    EnqueueException firstRefused = null;
    for (JobRequest job : jobs) {
      try {
        messages.add(format.toMessage(job));
      } catch (ConfigException | IllegalArgumentException e) {
        refused.add(job.id());
        if (firstRefused == null) {
          firstRefused = new EnqueueException("job " + job.id() + " of schedule '" + job.schedule()
              + "' cannot be turned into a message: " + e.getMessage(), e, false, Set.of(job.id()));
        }
      }
    }
    try {
      publisher.publish(messages);
    } catch (EnqueueException e) {
      if (refused.isEmpty() || e.failedJobs().isEmpty()) {
        throw e; // empty: any job may have failed, the refused ones included
      }
      Set<UUID> failed = new HashSet<>(e.failedJobs());
      failed.addAll(refused);
      throw new EnqueueException(e.getMessage() + "; and " + firstRefused.getMessage(), e, e.retryable(), failed);
    }
    if (firstRefused != null) {
      throw refused.size() == 1 ? firstRefused : new EnqueueException(refused.size() + " of " + jobs.size()
          + " jobs cannot be turned into messages; the first: " + firstRefused.getMessage(), firstRefused.getCause(),
          false, refused);
    }
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

  /** Connects before the node contends for the lock: a refused login or virtual host stops start-up (exit 2). */
  @Override
  public void open() {
    publisher.open();
  }

  @Override
  public void close() {
    publisher.close();
  }
}
