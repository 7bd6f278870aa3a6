package dev.bugle.backend.redis;

import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * npm's node-resque worker runs what the {@code resque} enqueuer wrote: examples/redis/resque_worker.js in a
 * separate node process, under a Resque namespace of this run's own.
 */
class ResqueInteropIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String NAMESPACE = RedisIt.unique("resque-interop");
  private static final String QUEUE = "reports";
  private static InOrderWorker worker;

  @BeforeAll
  static void startWorker() throws Exception {
    RedisIt.jedis().close();
    Path node = WorkerProcess.onPath("node", "Node.js (Debian package nodejs)");
    WorkerProcess.require(WorkerProcess.examples().resolve("node_modules/node-resque/package.json"),
        "node-resque in examples/redis/node_modules");
    EffectFile effects = EffectFile.create(NAMESPACE);
    worker = new InOrderWorker(WorkerProcess.start(NAMESPACE, List.of(node.toString(), "resque_worker.js"), Map.of(
        "REDIS_URL", RedisIt.URL, "RESQUE_NAMESPACE", NAMESPACE, "RESQUE_QUEUES", QUEUE, "RESQUE_POLL_MS", "100",
        "BUGLE_EXAMPLE_OUT", effects.path().toString())), effects, WAIT);
  }

  @AfterAll
  static void stopWorker() throws InterruptedException {
    if (worker != null) {
      worker.process().close();
    }
    try (Jedis jedis = RedisIt.jedis()) {
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(NAMESPACE + ":*").count(500));
        page.getResult().forEach(jedis::del);
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
  }

  private static Enqueuer enqueuer() {
    return new ResqueEnqueuerProvider().create(TestSettings.enqueuer("redis-url", RedisIt.URL,
        "namespace", NAMESPACE, "queue", QUEUE, "dedupe-ttl", "10m"));
  }

  @Test
  void jobRunsWithItsArgs() throws Exception {
    worker.runsWithItsArgs(ResqueInteropIT::enqueuer, "CurrencyRatesJob", Map.of());
  }

  @Test
  void sameFireEnqueuedTwiceRunsOnce() throws Exception {
    worker.runsTheSameFireOnce(ResqueInteropIT::enqueuer);
  }
}
