package dev.bugle.backend.redis.internal;

import dev.bugle.core.EnqueueException;
import dev.bugle.core.Secrets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/** Turns a Jedis failure into an {@link EnqueueException}: retryable unless retrying cannot help. */
final class Failures {
  private Failures() {
  }

  static EnqueueException toEnqueueException(JedisException e, RedisUrl url, int jobs, Set<UUID> failedJobs) {
    String reason = Secrets.maskUrls(String.valueOf(e.getMessage()));
    boolean permanent = e instanceof JedisDataException && isPermanent(reason);
    String what = permanent ? "Redis at " + url + " refused " + jobs + " job(s): " + reason
        : "could not enqueue " + jobs + " job(s) into Redis at " + url + ": " + reason;
    return new EnqueueException(what, e, !permanent, failedJobs);
  }

  /** A key of the wrong type stays wrong: re-sending the job changes nothing. */
  private static boolean isPermanent(String message) {
    return message.toUpperCase(Locale.ROOT).contains("WRONGTYPE");
  }
}
