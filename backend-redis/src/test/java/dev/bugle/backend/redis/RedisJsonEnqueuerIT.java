package dev.bugle.backend.redis;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.BackendEnqueuerContract;
import dev.bugle.testkit.TestSettings;
import org.junit.jupiter.api.AfterAll;
import redis.clients.jedis.Jedis;

/** The enqueuer contract for the JSON envelope on a list of this run's own. */
class RedisJsonEnqueuerIT extends BackendEnqueuerContract {
  private static final String KEY = RedisIt.unique("json");

  private static Enqueuer create(String url, String... more) {
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
