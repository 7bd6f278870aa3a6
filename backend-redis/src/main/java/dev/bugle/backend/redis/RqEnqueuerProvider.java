package dev.bugle.backend.redis;

import dev.bugle.backend.redis.internal.RqFormat;
import dev.bugle.backend.redis.internal.RedisEnqueuer;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.spi.Settings;

/**
 * {@code type=rq}: RQ jobs for RQ's JSONSerializer,
 * deduplicated by one Lua script per push. See docs/backend-redis.md.
 */
public final class RqEnqueuerProvider implements EnqueuerProvider {
  public static final String TYPE = "rq";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Enqueuer create(Settings settings) {
    return RedisEnqueuer.create(settings, RqFormat.read(settings));
  }
}
