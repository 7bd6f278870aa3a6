package dev.bugle.backend.redis;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.EnqueuerContract;
import dev.bugle.testkit.TestSettings;
import org.junit.jupiter.api.AfterAll;
import redis.clients.jedis.Jedis;

/** The enqueuer contract for plain Sidekiq jobs, under a key namespace of this run's own. */
class SidekiqEnqueuerIT extends EnqueuerContract {
  private static final String NAMESPACE = RedisIt.unique("sidekiq");
  private static final String QUEUE = "contract";

  @Override
  protected Enqueuer newEnqueuer() {
    return new SidekiqEnqueuerProvider().create(TestSettings.enqueuer("redis-url", RedisIt.URL,
        "namespace", NAMESPACE, "queue", QUEUE, "dedupe-ttl", "10m"));
  }

  @Override
  protected Enqueuer newEnqueuerForUnreachableBackend() {
    return new SidekiqEnqueuerProvider().create(TestSettings.enqueuer("redis-url", RedisIt.UNREACHABLE_URL,
        "connect-timeout", "500ms"));
  }

  @Override
  protected JobRequest newJob() {
    return RedisIt.withoutKwargs(super.newJob()); // Sidekiq jobs have no kwargs; the format refuses them
  }

  @Override
  protected int timesEnqueued(JobRequest job) {
    try (Jedis jedis = RedisIt.jedis()) {
      return RedisIt.countById(jedis, NAMESPACE + ":queue:" + QUEUE, "/args/1", job);
    }
  }

  @AfterAll
  static void dropKeys() {
    try (Jedis jedis = RedisIt.jedis()) {
      jedis.del(NAMESPACE + ":queue:" + QUEUE, NAMESPACE + ":queues");
    }
  }
}
