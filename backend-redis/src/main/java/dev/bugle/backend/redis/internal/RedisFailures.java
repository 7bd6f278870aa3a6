package dev.bugle.backend.redis.internal;

import dev.bugle.core.EnqueueException;
import dev.bugle.core.Secrets;
import dev.bugle.support.FailureKind;
import dev.bugle.support.Failures;
import java.util.Set;
import java.util.UUID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Turns a Jedis failure into an {@link EnqueueException}, retryable or not as the shared classification says
 * ({@link Failures#ofRedisError}: WRONGPASS, NOAUTH, NOPERM and WRONGTYPE are permanent; a connection problem is not).
 */
final class RedisFailures {
  private RedisFailures() {
  }

  static EnqueueException toEnqueueException(JedisException e, RedisUrl url, int jobs, Set<UUID> failedJobs) {
    String reason = Secrets.maskUrls(String.valueOf(e.getMessage()));
    boolean permanent = !kind(e).retryable();
    String what = permanent ? "Redis at " + url + " refused " + jobs + " job(s): " + reason
        : "could not enqueue " + jobs + " job(s) into Redis at " + url + ": " + reason;
    return new EnqueueException(what, e, !permanent, failedJobs);
  }

  /** The kind of the first Redis error reply in the chain (the pool wraps it), else of the network failure. */
  static FailureKind kind(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JedisDataException) {
        FailureKind kind = Failures.ofRedisError(t.getMessage());
        if (kind != FailureKind.UNKNOWN) {
          return kind;
        }
      }
    }
    return Failures.of(e);
  }

  /** The message of the Redis error reply in the chain, masked, or of {@code e}. */
  static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JedisDataException) {
        return Secrets.maskUrls(t.getMessage());
      }
    }
    return Secrets.maskUrls(String.valueOf(e.getMessage()));
  }
}
