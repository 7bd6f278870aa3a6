package dev.bugle.core;

import java.util.Set;
import java.util.UUID;

/**
 * An enqueue did not reach the backend, or the backend did not acknowledge it. A retryable one (a broker
 * outage, a timeout) is retried by the scheduler with backoff while the lease is valid and the fire is
 * inside its misfire window; a permanent one (a payload the backend refuses) is logged and the fire is
 * given up.
 *
 * <p>When a batch was partly written, {@link #failedJobs()} names the jobs that were not: the scheduler then
 * commits the others. Empty means any job of the batch may have failed.
 */
public class EnqueueException extends BugleException {
  private final boolean retryable;
  private final Set<UUID> failedJobs;

  public EnqueueException(String message, Throwable cause) {
    this(message, cause, true);
  }

  public EnqueueException(String message, Throwable cause, boolean retryable) {
    this(message, cause, retryable, Set.of());
  }

  /** A batch in which only {@code failedJobs} (by {@link JobRequest#id()}) were not enqueued. */
  public EnqueueException(String message, Throwable cause, boolean retryable, Set<UUID> failedJobs) {
    super(message, cause);
    this.retryable = retryable;
    this.failedJobs = Set.copyOf(failedJobs);
  }

  /** The ids of the jobs that were not enqueued; empty when the backend cannot tell (assume all). */
  public Set<UUID> failedJobs() {
    return failedJobs;
  }

  public boolean retryable() {
    return retryable;
  }
}
