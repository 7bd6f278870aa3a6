package dev.bugle.backend.redis;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.TestSettings;
import org.junit.jupiter.api.AfterAll;
import redis.clients.jedis.Jedis;

/** The enqueuer contract for ActiveJob jobs on Sidekiq (kwargs included: ActiveJob passes them as keywords). */
class SidekiqActiveJobEnqueuerIT extends RedisBackendContract {
  private static final String QUEUE = RedisIt.unique("activejob");

  @Override
  protected Enqueuer create(String url, String... more) {
    return new SidekiqEnqueuerProvider().create(TestSettings.enqueuer(RedisIt.with(more, "redis-url", url,
        "active-job", "true", "queue", QUEUE, "dedupe-ttl", "10m")));
  }

  @Override
  protected Enqueuer newEnqueuer() {
    return create(RedisIt.URL);
  }

  @Override
  protected Enqueuer newEnqueuerForUnreachableBackend() {
    return new SidekiqEnqueuerProvider().create(TestSettings.enqueuer("redis-url", RedisIt.UNREACHABLE_URL,
        "active-job", "true", "connect-timeout", "500ms"));
  }

  @Override
  protected int timesEnqueued(JobRequest job) {
    try (Jedis jedis = RedisIt.jedis()) {
      return RedisIt.countById(jedis, "queue:" + QUEUE, "/args/0/arguments/1", job);
    }
  }

  @AfterAll
  static void dropKeys() {
    try (Jedis jedis = RedisIt.jedis()) {
      jedis.del("queue:" + QUEUE);
      jedis.srem("queues", QUEUE);
    }
  }
}
