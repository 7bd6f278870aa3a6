package dev.bugle.backend.redis.internal;

import dev.bugle.core.JobRequest;
import java.util.Set;

/**
 * One worker stack's wire format: turns a job into the Redis writes that stack's client would make. Formats are
 * pure (no I/O); the push script, the pipeline and the connection are shared by all of them.
 */
public interface PayloadFormat {

  /**
   * The writes for {@code job}. Throws a {@link dev.bugle.core.ConfigException} naming the schedule's key when
   * the job cannot be written in this format (args not JSON, kwargs where the stack has none, a bad option).
   */
  RedisWrite write(JobRequest job);

  /** The per-schedule options ({@code bugle.schedule.NAME.option.KEY}) this format reads. */
  default Set<String> jobOptions() {
    return Set.of();
  }
}
