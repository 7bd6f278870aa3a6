package dev.bugle.backend.redis;

import dev.bugle.backend.redis.internal.ResqueFormat;
import dev.bugle.backend.redis.internal.RedisEnqueuer;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.spi.Settings;

/**
 * {@code type=resque}: Resque jobs (Ruby Resque, node-resque),
 * deduplicated by one Lua script per push. See docs/backend-redis.md.
 */
public final class ResqueEnqueuerProvider implements EnqueuerProvider {
  public static final String TYPE = "resque";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Enqueuer create(Settings settings) {
    return RedisEnqueuer.create(settings, ResqueFormat.read(settings));
  }
}
