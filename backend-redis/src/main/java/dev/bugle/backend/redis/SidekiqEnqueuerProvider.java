package dev.bugle.backend.redis;

import dev.bugle.backend.redis.internal.SidekiqFormat;
import dev.bugle.backend.redis.internal.RedisEnqueuer;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.spi.Settings;

/**
 * {@code type=sidekiq}: Sidekiq jobs, plain or wrapped for ActiveJob ({@code active-job=true}),
 * deduplicated by one Lua script per push. See docs/backend-redis.md.
 */
public final class SidekiqEnqueuerProvider implements EnqueuerProvider {
  public static final String TYPE = "sidekiq";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Enqueuer create(Settings settings) {
    return RedisEnqueuer.create(settings, SidekiqFormat.read(settings));
  }
}
