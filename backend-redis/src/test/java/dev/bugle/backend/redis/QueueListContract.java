package dev.bugle.backend.redis;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.testkit.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.Jedis;

/**
 * The enqueuer contract for the formats that push a JSON job with positional args to
 * {@code NAMESPACE:queue:QUEUE} (Sidekiq, Resque), under a key namespace of this run's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueueListContract extends RedisBackendContract {
  private static final String QUEUE = "contract";
  private final EnqueuerProvider provider;
  private final String namespace;

  QueueListContract(EnqueuerProvider provider) {
    this.provider = provider;
    this.namespace = RedisIt.unique(provider.type());
  }

  @Override
  protected Enqueuer create(String url, String... more) {
    return provider.create(TestSettings.enqueuer(RedisIt.with(more, "redis-url", url, "namespace", namespace,
        "queue", QUEUE, "dedupe-ttl", "10m")));
  }

  @Override
  protected Enqueuer newEnqueuer() {
    return create(RedisIt.URL);
  }

  @Override
  protected Enqueuer newEnqueuerForUnreachableBackend() {
    return provider.create(TestSettings.enqueuer("redis-url", RedisIt.UNREACHABLE_URL, "connect-timeout", "500ms"));
  }

  @Override
  protected JobRequest newJob() {
    return RedisIt.withoutKwargs(super.newJob()); // these jobs have no kwargs; the formats refuse them
  }

  @Override
  protected int timesEnqueued(JobRequest job) {
    try (Jedis jedis = RedisIt.jedis()) {
      return RedisIt.countById(jedis, namespace + ":queue:" + QUEUE, "/args/1", job);
    }
  }

  @AfterAll
  void dropKeys() {
    try (Jedis jedis = RedisIt.jedis()) {
      jedis.del(namespace + ":queue:" + QUEUE, namespace + ":queues");
    }
  }
}
