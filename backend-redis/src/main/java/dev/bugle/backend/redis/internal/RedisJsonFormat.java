package dev.bugle.backend.redis.internal;

import dev.bugle.core.JobRequest;
import dev.bugle.support.JobJson;
import dev.bugle.spi.Settings;
import java.util.List;
import java.util.Set;

/**
 * A generic format for custom consumers: Bugle's JSON envelope ({@code id}, {@code namespace}, {@code schedule},
 * {@code scheduled_at}, {@code job}, {@code queue}, {@code args}, {@code kwargs}) pushed onto one list.
 */
public record RedisJsonFormat(String key, boolean leftPush) implements PayloadFormat {

  public static RedisJsonFormat read(Settings settings) {
    String key = settings.string("key", "jobs:bugle");
    boolean left = settings.oneOf("push", "lpush", Set.of("lpush", "rpush")).equals("lpush");
    return new RedisJsonFormat(key, left);
  }

  @Override
  public RedisWrite write(JobRequest job) {
    byte[] json = Jobs.json(job, JobJson.envelope(job));
    return new RedisWrite(job, List.of(), List.of(leftPush ? RedisOp.lpush(key, json) : RedisOp.rpush(key, json)));
  }
}
