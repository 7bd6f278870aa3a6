package dev.bugle.support;

/**
 * What kind of failure a backend reported, and so whether retrying can fix it. One vocabulary for every backend:
 * {@link Failures} sorts SQLSTATEs, AMQP reply codes, Redis error replies and network exceptions into it.
 */
public enum FailureKind {
  /** The backend cannot be reached, or is restarting: connection refused, reset or timed out, host down. */
  UNAVAILABLE(true),
  /** The backend is up but could not do it now: a deadlock, a serialization failure, out of resources. */
  BUSY(true),
  /** The backend refuses these credentials, or this user lacks the rights: fix the configuration. */
  CREDENTIALS(false),
  /** Something the configuration names does not exist: a database, a vhost, a table or column, an exchange. */
  MISSING(false),
  /** The backend refuses this request as it is: a value, a key of the wrong type, a conflicting declaration. */
  REFUSED(false),
  /** Not recognised. Retried: giving up a fire that a retry would have delivered is the worse mistake. */
  UNKNOWN(true);

  private final boolean retryable;

  FailureKind(boolean retryable) {
    this.retryable = retryable;
  }

  /** True when the same request may succeed later, unchanged; false when only a configuration change helps. */
  public boolean retryable() {
    return retryable;
  }

  /** The more telling of two kinds: a permanent one wins, then any known one over {@link #UNKNOWN}. */
  FailureKind or(FailureKind other) {
    if (!retryable) {
      return this;
    }
    if (!other.retryable) {
      return other;
    }
    return this == UNKNOWN ? other : this;
  }
}
