package dev.bugle.backend.redis;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.TestSettings;
import org.junit.jupiter.api.AfterAll;
import redis.clients.jedis.Jedis;

/** The enqueuer contract for the JSON envelope on a list of this run's own. */
class RedisJsonEnqueuerIT extends RedisBackendContract {
  private static final String KEY = RedisIt.unique("json");

  @Override
  protected Enqueuer create(String url, String... more) {
    return new RedisJsonEnqueuerProvider().create(TestSettings.enqueuer(RedisIt.with(more, "redis-url", url,
        "key", KEY, "push", "rpush", "dedupe-ttl", "10m")));
  }

  @Override
  protected Enqueuer newEnqueuer() {
    return create(RedisIt.URL);
  }

  @Override
  protected Enqueuer newEnqueuerForUnreachableBackend() {
    return new RedisJsonEnqueuerProvider().create(TestSettings.enqueuer("redis-url", RedisIt.UNREACHABLE_URL,
        "key", KEY, "connect-timeout", "500ms"));
  }

  @Override
  protected int timesEnqueued(JobRequest job) {
    try (Jedis jedis = RedisIt.jedis()) {
      return RedisIt.countById(jedis, KEY, "/id", job);
    }
  }

  @AfterAll
  static void dropKeys() {
    try (Jedis jedis = RedisIt.jedis()) {
      jedis.del(KEY);
    }
  }
}
