package dev.bugle.backend.redis;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.EnqueuerContract;
import dev.bugle.testkit.TestSettings;
import org.junit.jupiter.api.AfterAll;
import redis.clients.jedis.Jedis;

/** The enqueuer contract for Resque jobs, under a Resque namespace of this run's own. */
class ResqueEnqueuerIT extends EnqueuerContract {
  private static final String NAMESPACE = RedisIt.unique("resque");
  private static final String QUEUE = "contract";

  @Override
  protected Enqueuer newEnqueuer() {
    return new ResqueEnqueuerProvider().create(TestSettings.enqueuer("redis-url", RedisIt.URL,
        "namespace", NAMESPACE, "queue", QUEUE, "dedupe-ttl", "10m"));
  }

  @Override
  protected Enqueuer newEnqueuerForUnreachableBackend() {
    return new ResqueEnqueuerProvider().create(TestSettings.enqueuer("redis-url", RedisIt.UNREACHABLE_URL,
        "connect-timeout", "500ms"));
  }

  @Override
  protected JobRequest newJob() {
    return RedisIt.withoutKwargs(super.newJob()); // Resque jobs have no kwargs; the format refuses them
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
