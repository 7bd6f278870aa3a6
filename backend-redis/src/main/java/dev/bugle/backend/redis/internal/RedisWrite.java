package dev.bugle.backend.redis.internal;

import dev.bugle.core.JobRequest;
import java.util.List;
import java.util.Objects;

/**
 * What one job writes: {@code pushes} (the job itself, e.g. LPUSH queue:q) and {@code ensures}, idempotent
 * commands such as {@code SADD queues q} that several jobs of a batch may share and that run once per script
 * call when at least one of those jobs was pushed.
 */
public record RedisWrite(JobRequest job, List<RedisOp> ensures, List<RedisOp> pushes) {

  public RedisWrite {
    Objects.requireNonNull(job, "job");
    ensures = List.copyOf(ensures);
    pushes = List.copyOf(pushes);
    if (pushes.isEmpty()) {
      throw new IllegalArgumentException("a job must push something");
    }
  }
}
