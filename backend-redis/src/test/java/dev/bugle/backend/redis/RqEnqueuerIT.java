package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.BackendEnqueuerContract;
import dev.bugle.testkit.TestSettings;
import org.junit.jupiter.api.AfterAll;
import redis.clients.jedis.Jedis;

/** The enqueuer contract for RQ jobs on a queue of this run's own. */
class RqEnqueuerIT extends BackendEnqueuerContract {
  private static final String QUEUE = RedisIt.unique("rq");

  private static Enqueuer create(String url, String... more) {
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
  protected Misconfigured newEnqueuerWithWrongCredentials() {
    String secret = RedisIt.unique("wrong");
    return new Misconfigured(create(RedisIt.wrongUserUrl(secret)), "bugle.enqueuer.test.redis-url", secret);
  }

  @Override
  protected int backendPort() {
    return RedisIt.PORT;
  }

  @Override
  protected Enqueuer newEnqueuerAt(int port) {
    return create("redis://127.0.0.1:" + port + "/0", "connect-timeout", "1s", "timeout", "2s");
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
