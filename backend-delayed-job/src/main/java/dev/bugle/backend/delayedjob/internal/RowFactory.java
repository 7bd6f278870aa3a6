package dev.bugle.backend.delayedjob.internal;

import dev.bugle.backend.delayedjob.DelayedJobConfig;
import dev.bugle.backend.delayedjob.HandlerKind;
import dev.bugle.core.JobRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Makes the delayed_job row for one fire: picks the handler kind, priority and queue (the schedule's options
 * and queue first, then the enqueuer's settings) and writes the handler.
 */
public final class RowFactory {
  public static final String OPTION_HANDLER = "handler";
  public static final String OPTION_PRIORITY = "priority";
  public static final Set<String> OPTIONS = Set.of(OPTION_HANDLER, OPTION_PRIORITY);
  /** ActiveJob's own default queue_name, used for active-job handlers when nothing names a queue. */
  static final String ACTIVE_JOB_DEFAULT_QUEUE = "default";
  private final DelayedJobConfig config;

  public RowFactory(DelayedJobConfig config) {
    this.config = config;
  }

  /**
   * The row for {@code job}, enqueued at {@code now}.
   *
   * @throws InvalidJob when an option is invalid or the job cannot be written as its handler kind
   */
  public JobRow row(JobRequest job, Instant now) {
    HandlerKind kind = kind(job);
    int priority = priority(job);
    String queue = job.queueOr(config.queue());
    if (queue == null && kind == HandlerKind.ACTIVE_JOB) {
      queue = ACTIVE_JOB_DEFAULT_QUEUE;
    }
    Instant at = now.truncatedTo(ChronoUnit.MICROS); // PostgreSQL and DATETIME(6) keep microseconds
    String handler = HandlerYaml.of(job, kind, queue, priority, at);
    return new JobRow(job.id(), priority, handler, queue, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
  }

  private HandlerKind kind(JobRequest job) {
    String id = job.options().get(OPTION_HANDLER);
    if (id == null) {
      return config.handler();
    }
    return HandlerKind.byId(id.trim()).orElseThrow(() -> new InvalidJob("option." + OPTION_HANDLER,
        "invalid value '" + id + "'; expected one of " + HandlerKind.ids(), HandlerKind.STRUCT.id()));
  }

  private int priority(JobRequest job) {
    String p = job.options().get(OPTION_PRIORITY);
    if (p == null) {
      return config.priority();
    }
    try {
      return Integer.parseInt(p.trim());
    } catch (NumberFormatException e) {
      throw new InvalidJob("option." + OPTION_PRIORITY, "invalid value '" + p + "'; expected a whole number "
          + "(delayed_job runs lower numbers first)", "10");
    }
  }
}
