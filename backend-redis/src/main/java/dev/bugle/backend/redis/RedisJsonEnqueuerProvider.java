package dev.bugle.backend.redis;

import dev.bugle.backend.redis.internal.RedisJsonFormat;
import dev.bugle.backend.redis.internal.RedisEnqueuer;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.spi.Settings;

/**
 * {@code type=redis-json}: Bugle's JSON envelope on one Redis list, for consumers of your own,
 * deduplicated by one Lua script per push. See docs/backend-redis.md.
 */
public final class RedisJsonEnqueuerProvider implements EnqueuerProvider {
  public static final String TYPE = "redis-json";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Enqueuer create(Settings settings) {
    return RedisEnqueuer.create(settings, RedisJsonFormat.read(settings));
  }
}
