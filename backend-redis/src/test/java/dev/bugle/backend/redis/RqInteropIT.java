package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.FirePlaceholders;
import dev.bugle.testkit.ExternalProcess;
import dev.bugle.testkit.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * RQ 1.13 from Debian's python3-rq runs what the {@code rq} enqueuer wrote: {@code rq worker --burst} with the
 * JSONSerializer and examples/redis/rq_tasks.py, in a separate process, on a queue of this run's own.
 */
class RqInteropIT {
  private static final Path RQ = Path.of("/usr/bin/rq");
  private static final String QUEUE = RedisIt.unique("rq-interop");
  private static final List<JobRequest> SENT = new ArrayList<>();
  private static EffectFile effects;

  @BeforeAll
  static void requireRq() throws Exception {
    RedisIt.jedis().close();
    WorkerProcess.require(RQ, "RQ's worker (Debian package python3-rq)");
    effects = EffectFile.create(QUEUE);
  }

  @AfterAll
  static void dropKeys() {
    try (Jedis jedis = RedisIt.jedis()) {
      SENT.forEach(job -> jedis.del("rq:job:" + job.id()));
      jedis.keys("rq:*:" + QUEUE).forEach(jedis::del);
      jedis.srem("rq:queues", "rq:queue:" + QUEUE);
    }
  }

  private static void enqueue(JobRequest... jobs) throws Exception {
    try (Enqueuer enqueuer = new RqEnqueuerProvider().create(TestSettings.enqueuer("redis-url", RedisIt.URL,
        "queue", QUEUE, "dedupe-ttl", "10m", "timeout", "1m"))) {
      for (JobRequest job : jobs) {
        enqueuer.enqueue(job);
        SENT.add(job);
      }
    }
  }

  /** Runs the real worker until the queue is empty. */
  private static void runBurstWorker() throws Exception {
    try (ExternalProcess worker = WorkerProcess.start(QUEUE + "-" + System.nanoTime(), List.of(RQ.toString(),
        "worker", "-u", RedisIt.URL, "-S", "rq.serializers.JSONSerializer", "--burst", "-P", ".", QUEUE),
        Map.of("BUGLE_EXAMPLE_OUT", effects.path().toString()))) {
      assertThat(worker.awaitExit(Duration.ofSeconds(60))).as(worker.logTail()).isZero();
    }
  }

  @Test
  void jobRunsWithItsArgsAndKwargs() throws Exception {
    String marker = InteropJobs.marker();
    JobRequest job = InteropJobs.job(marker, "rq_tasks.currency_rates", null, InteropJobs.args(marker),
        InteropJobs.kwargs());
    enqueue(job);
    runBurstWorker();
    List<JsonNode> runs = effects.runsOf(marker);
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).get("args")).isEqualTo(InteropJobs.tree(job.args()));
    assertThat(runs.get(0).get("kwargs")).isEqualTo(InteropJobs.tree(job.kwargs()));
    try (Jedis jedis = RedisIt.jedis()) {
      assertThat(jedis.hget("rq:job:" + job.id(), "status")).isEqualTo("finished");
    }
  }

  @Test
  void placeholdersArriveAsTheFiresTimeAndId() throws Exception {
    String marker = InteropJobs.marker();
    JobRequest job = FirePlaceholders.fire(marker, "rq_tasks.currency_rates", null, FirePlaceholders.args(marker),
        FirePlaceholders.kwargs(), Map.of());
    enqueue(job);
    runBurstWorker();
    List<JsonNode> runs = effects.runsOf(marker);
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).get("args")).isEqualTo(FirePlaceholders.json(FirePlaceholders.expectedArgs(marker, job)));
    assertThat(runs.get(0).get("kwargs")).isEqualTo(FirePlaceholders.json(FirePlaceholders.expectedKwargs(job)));
  }

  @Test
  void sameFireEnqueuedTwiceRunsOnce() throws Exception {
    String marker = InteropJobs.marker();
    JobRequest job = InteropJobs.job(marker, "rq_tasks.currency_rates", null, List.of(marker), Map.of("n", 1));
    enqueue(job, job);
    runBurstWorker();
    assertThat(effects.runsOf(marker)).hasSize(1);
  }
}
