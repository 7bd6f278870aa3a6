package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.ExternalProcess;
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
  private static EffectFile effects;
  private static ExternalProcess worker;

  @BeforeAll
  static void startWorker() throws Exception {
    RedisIt.jedis().close();
    Path node = WorkerProcess.onPath("node", "Node.js (Debian package nodejs)");
    WorkerProcess.require(WorkerProcess.examples().resolve("node_modules/node-resque/package.json"),
        "node-resque in examples/redis/node_modules");
    effects = EffectFile.create(NAMESPACE);
    worker = WorkerProcess.start(NAMESPACE, List.of(node.toString(), "resque_worker.js"), Map.of(
        "REDIS_URL", RedisIt.URL, "RESQUE_NAMESPACE", NAMESPACE, "RESQUE_QUEUES", QUEUE, "RESQUE_POLL_MS", "100",
        "BUGLE_EXAMPLE_OUT", effects.path().toString()));
  }

  @AfterAll
  static void stopWorker() throws InterruptedException {
    if (worker != null) {
      worker.close();
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
    String marker = InteropJobs.marker();
    JobRequest job = InteropJobs.job(marker, "CurrencyRatesJob", null, InteropJobs.args(marker), Map.of());
    try (Enqueuer enqueuer = enqueuer()) {
      enqueuer.enqueue(job);
    }
    JsonNode run = effects.awaitRun(marker, WAIT, worker);
    assertThat(run.get("job").asText()).isEqualTo("CurrencyRatesJob");
    assertThat(run.get("args")).isEqualTo(InteropJobs.tree(job.args()));
  }

  @Test
  void sameFireEnqueuedTwiceRunsOnce() throws Exception {
    String marker = InteropJobs.marker();
    JobRequest job = InteropJobs.job(marker, "CurrencyRatesJob", null, List.of(marker, 1), Map.of());
    String after = InteropJobs.marker();
    JobRequest sentinel = InteropJobs.job(after, "CurrencyRatesJob", null, List.of(after, 2), Map.of());
    try (Enqueuer first = enqueuer(); Enqueuer second = enqueuer()) {
      first.enqueue(job);
      second.enqueue(job);
      second.enqueueAll(List.of(job, sentinel));
    }
    // One worker takes jobs in order, so once the later job ran, every copy of the first has run too.
    effects.awaitRun(after, WAIT, worker);
    assertThat(effects.runsOf(marker)).hasSize(1);
  }
}
