package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.FirePlaceholders;
import dev.bugle.testkit.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Sidekiq 6.4.1 from Debian's ruby-sidekiq (and ruby-activejob) runs what the {@code sidekiq} enqueuer wrote:
 * examples/redis/sidekiq_worker.rb in a separate process, one thread, on a queue of this run's own.
 */
class SidekiqInteropIT {
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final String QUEUE = RedisIt.unique("sidekiq-interop");
  private static InOrderWorker worker;

  @BeforeAll
  static void startSidekiq() throws Exception {
    RedisIt.jedis().close();
    WorkerProcess.require(Path.of("/usr/bin/sidekiq"), "Sidekiq (Debian package ruby-sidekiq)");
    EffectFile effects = EffectFile.create(QUEUE);
    worker = new InOrderWorker(WorkerProcess.start(QUEUE, List.of("/usr/bin/sidekiq", "-r", "./sidekiq_worker.rb",
        "-q", QUEUE, "-c", "1", "-t", "1"), Map.of("REDIS_URL", RedisIt.URL, "BUGLE_EXAMPLE_OUT",
        effects.path().toString())), effects, WAIT);
  }

  @AfterAll
  static void stopSidekiq() throws InterruptedException {
    if (worker != null) {
      worker.process().close();
    }
    try (Jedis jedis = RedisIt.jedis()) {
      jedis.del("queue:" + QUEUE);
      jedis.srem("queues", QUEUE);
    }
  }

  private static Enqueuer enqueuer(String... extra) {
    String[] settings = {"redis-url", RedisIt.URL, "queue", QUEUE, "dedupe-ttl", "10m"};
    String[] all = new String[settings.length + extra.length];
    System.arraycopy(settings, 0, all, 0, settings.length);
    System.arraycopy(extra, 0, all, settings.length, extra.length);
    return new SidekiqEnqueuerProvider().create(TestSettings.enqueuer(all));
  }

  @Test
  void plainJobRunsWithItsArgs() throws Exception {
    worker.runsWithItsArgs(SidekiqInteropIT::enqueuer, "CurrencyRatesJob", Map.of());
  }

  @Test
  void activeJobRunsWithArgsAndKeywordArgs() throws Exception {
    Map<String, Object> kwargs = InteropJobs.kwargs();
    JsonNode run = worker.runsWithItsArgs(() -> enqueuer("active-job", "true"), "WeeklyDigestJob", kwargs);
    assertThat(run.get("kwargs")).isEqualTo(InteropJobs.tree(kwargs));
  }

  @Test
  void placeholdersArriveAsTheFiresTimeAndId() throws Exception {
    String marker = InteropJobs.marker();
    JobRequest job = FirePlaceholders.fire(marker, "CurrencyRatesJob", null, FirePlaceholders.args(marker), Map.of(),
        Map.of());
    try (Enqueuer e = enqueuer()) {
      e.enqueue(job);
    }
    JsonNode run = worker.effects().awaitRun(marker, WAIT, worker.process());
    assertThat(run.get("args")).isEqualTo(FirePlaceholders.json(FirePlaceholders.expectedArgs(marker, job)));
  }

  @Test
  void sameFireEnqueuedTwiceRunsOnce() throws Exception {
    worker.runsTheSameFireOnce(SidekiqInteropIT::enqueuer);
  }
}
