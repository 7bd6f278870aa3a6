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

/**
 * Sidekiq 6.4.1 from Debian's ruby-sidekiq (and ruby-activejob) runs what the {@code sidekiq} enqueuer wrote:
 * examples/redis/sidekiq_worker.rb in a separate process, one thread, on a queue of this run's own.
 */
class SidekiqInteropIT {
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final String QUEUE = RedisIt.unique("sidekiq-interop");
  private static EffectFile effects;
  private static ExternalProcess worker;

  @BeforeAll
  static void startSidekiq() throws Exception {
    RedisIt.jedis().close();
    WorkerProcess.require(Path.of("/usr/bin/sidekiq"), "Sidekiq (Debian package ruby-sidekiq)");
    effects = EffectFile.create(QUEUE);
    worker = WorkerProcess.start(QUEUE, List.of("/usr/bin/sidekiq", "-r", "./sidekiq_worker.rb", "-q", QUEUE,
        "-c", "1", "-t", "1"), Map.of("REDIS_URL", RedisIt.URL, "BUGLE_EXAMPLE_OUT", effects.path().toString()));
  }

  @AfterAll
  static void stopSidekiq() throws InterruptedException {
    if (worker != null) {
      worker.close();
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
  void activeJobRunsWithArgsAndKeywordArgs() throws Exception {
    String marker = InteropJobs.marker();
    JobRequest job = InteropJobs.job(marker, "WeeklyDigestJob", null, InteropJobs.args(marker),
        InteropJobs.kwargs());
    try (Enqueuer enqueuer = enqueuer("active-job", "true")) {
      enqueuer.enqueue(job);
    }
    JsonNode run = effects.awaitRun(marker, WAIT, worker);
    assertThat(run.get("job").asText()).isEqualTo("WeeklyDigestJob");
    assertThat(run.get("args")).isEqualTo(InteropJobs.tree(job.args()));
    assertThat(run.get("kwargs")).isEqualTo(InteropJobs.tree(job.kwargs()));
  }

  @Test
  void sameFireEnqueuedTwiceRunsOnce() throws Exception {
    String marker = InteropJobs.marker();
    JobRequest job = InteropJobs.job(marker, "CurrencyRatesJob", null, List.of(marker, 1), Map.of());
    String after = InteropJobs.marker();
    JobRequest sentinel = InteropJobs.job(after, "CurrencyRatesJob", null, List.of(after, 2), Map.of());
    try (Enqueuer first = enqueuer(); Enqueuer second = enqueuer()) {
      first.enqueue(job);
      second.enqueue(job); // a new leader re-sending the same fire
      second.enqueueAll(List.of(job, sentinel));
    }
    // One thread takes jobs in order, so once the later job ran, every copy of the first has run too.
    effects.awaitRun(after, WAIT, worker);
    assertThat(effects.runsOf(marker)).hasSize(1);
  }
}
