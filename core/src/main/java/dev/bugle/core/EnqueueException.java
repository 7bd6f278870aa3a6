package dev.bugle.core;

/**
 * An enqueue did not reach the backend, or the backend did not acknowledge it. A retryable one (a broker
 * outage, a timeout) is retried by the scheduler with backoff while the lease is valid and the fire is
 * inside its misfire window; a permanent one (a payload the backend refuses) is logged and the fire is
 * given up.
 */
public class EnqueueException extends BugleException {
  private final boolean retryable;

  public EnqueueException(String message, Throwable cause) {
    this(message, cause, true);
  }

  public EnqueueException(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
