package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.JobRequest;
import dev.bugle.core.PropertySettings;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.TestSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Enqueuer.enqueueAllReportingDuplicates on the real Redis: the push script's answer per job. */
class DuplicateReportIT {
  private static final String QUEUE = RedisIt.unique("dup-report");
  private static final String OTHER_QUEUE = RedisIt.unique("dup-report-off");

  @AfterAll
  static void dropKeys() {
    try (Jedis jedis = RedisIt.jedis()) {
      jedis.del("queue:" + QUEUE, "queue:" + OTHER_QUEUE);
      jedis.srem("queues", QUEUE, OTHER_QUEUE);
    }
  }

  private static PropertySettings settings(String queue, String... extra) {
    List<String> kv = new java.util.ArrayList<>(List.of("redis-url", RedisIt.URL, "queue", queue));
    kv.addAll(List.of(extra));
    return TestSettings.enqueuer(kv.toArray(String[]::new));
  }

  private static JobRequest job(String marker) {
    return InteropJobs.job(RedisIt.unique("s"), "CurrencyRatesJob", null, List.of(marker), Map.of());
  }

  @Test
  void reportsTheJobsWhoseFireWasAlreadyThere() {
    JobRequest a = job("a");
    JobRequest b = job("b");
    JobRequest c = job("c");
    try (Enqueuer e = new SidekiqEnqueuerProvider().create(settings(QUEUE)); Jedis jedis = RedisIt.jedis()) {
      assertThat(e.enqueueAllReportingDuplicates(List.of(a, b))).contains(Set.of());
      assertThat(e.enqueueAllReportingDuplicates(List.of(a, c, b))).contains(Set.of(a.id(), b.id()));
      assertThat(jedis.llen("queue:" + QUEUE)).isEqualTo(3);
    }
  }

  @Test
  void withoutDedupeItCannotTell() {
    try (Enqueuer e = new SidekiqEnqueuerProvider().create(settings(OTHER_QUEUE, "dedupe", "false"))) {
      JobRequest job = job("x-" + UUID.randomUUID());
      assertThat(e.enqueueAllReportingDuplicates(List.of(job))).isEmpty();
      assertThat(e.enqueueAllReportingDuplicates(List.of(job))).isEmpty();
    }
  }
}
