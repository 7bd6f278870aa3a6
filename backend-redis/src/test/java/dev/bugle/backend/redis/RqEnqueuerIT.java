package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.TestSettings;
import org.junit.jupiter.api.AfterAll;
import redis.clients.jedis.Jedis;

/** The enqueuer contract for RQ jobs on a queue of this run's own. */
class RqEnqueuerIT extends RedisBackendContract {
  private static final String QUEUE = RedisIt.unique("rq");

  @Override
  protected Enqueuer create(String url, String... more) {
    return new RqEnqueuerProvider().create(TestSettings.enqueuer(RedisIt.with(more, "redis-url", url, "queue", QUEUE,
        "dedupe-ttl", "10m")));
  }

  @Override
  protected Enqueuer newEnqueuer() {
    return create(RedisIt.URL);
  }

  @Override
  protected Enqueuer newEnqueuerForUnreachableBackend() {
    return new RqEnqueuerProvider().create(TestSettings.enqueuer("redis-url", RedisIt.UNREACHABLE_URL,
        "connect-timeout", "500ms"));
  }

  @Override
  protected int timesEnqueued(JobRequest job) {
    try (Jedis jedis = RedisIt.jedis()) {
      String id = job.id().toString();
      int times = (int) jedis.lrange("rq:queue:" + QUEUE, 0, -1).stream().filter(id::equals).count();
      if (times > 0) {
        assertThat(jedis.hget("rq:job:" + id, "status")).isEqualTo("queued");
      }
      return times;
    }
  }

  @AfterAll
  static void dropKeys() {
    try (Jedis jedis = RedisIt.jedis()) {
      for (String id : jedis.lrange("rq:queue:" + QUEUE, 0, -1)) {
        jedis.del("rq:job:" + id);
      }
      jedis.del("rq:queue:" + QUEUE);
      jedis.srem("rq:queues", "rq:queue:" + QUEUE);
    }
  }
}
