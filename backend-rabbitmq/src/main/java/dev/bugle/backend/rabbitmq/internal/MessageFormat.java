package dev.bugle.backend.rabbitmq.internal;

import dev.bugle.core.JobRequest;
import java.util.Set;

/** Turns a job into the message one kind of consumer reads (Celery's task protocol 2, the JSON envelope). */
public interface MessageFormat {

  /**
   * The message for {@code job}; a {@link dev.bugle.core.ConfigException} naming the key when one of its
   * per-schedule options is invalid.
   */
  OutgoingMessage toMessage(JobRequest job);

  /** The per-schedule options ({@code bugle.schedule.NAME.option.KEY}) this format reads. */
  Set<String> jobOptions();
}
