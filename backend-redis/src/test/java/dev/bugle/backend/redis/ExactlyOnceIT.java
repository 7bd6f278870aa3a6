package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.backend.redis.internal.ConnectionSettings;
import dev.bugle.backend.redis.internal.Dedupe;
import dev.bugle.backend.redis.internal.PushScript;
import dev.bugle.backend.redis.internal.RedisEnqueuer;
import dev.bugle.backend.redis.internal.RqFormat;
import dev.bugle.backend.redis.internal.SidekiqFormat;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.core.PropertySettings;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.TestSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The push script against the real Redis: dedupe keys, NOSCRIPT, batches larger than one script call. */
class ExactlyOnceIT {
  private static final String QUEUE = RedisIt.unique("once");
  private static final String RQ_QUEUE = RedisIt.unique("once-rq");

  @AfterAll
  static void dropKeys() {
    try (Jedis jedis = RedisIt.jedis()) {
      for (String id : jedis.lrange("rq:queue:" + RQ_QUEUE, 0, -1)) {
        jedis.del("rq:job:" + id);
      }
      jedis.del("queue:" + QUEUE, "rq:queue:" + RQ_QUEUE);
      jedis.srem("queues", QUEUE);
      jedis.srem("rq:queues", "rq:queue:" + RQ_QUEUE);
    }
  }

  private static PropertySettings settings(String... extra) {
    List<String> kv = new ArrayList<>(List.of("redis-url", RedisIt.URL, "queue", QUEUE, "dedupe-ttl", "10m"));
    kv.addAll(List.of(extra));
    return TestSettings.enqueuer(kv.toArray(String[]::new));
  }

  private static JobRequest job(Object marker) {
    return InteropJobs.job(RedisIt.unique("s"), "CurrencyRatesJob", null, List.of(marker), Map.of());
  }

  private static long count(Jedis jedis, String marker) {
    return jedis.lrange("queue:" + QUEUE, 0, -1).stream().filter(s -> s.contains(marker)).count();
  }

  @Test
  void dedupeKeyIsSetWithItsExpiryBesideTheJob() {
    JobRequest job = job("ttl");
    try (Enqueuer e = new SidekiqEnqueuerProvider().create(settings()); Jedis jedis = RedisIt.jedis()) {
      e.enqueue(job);
      String key = TestSettings.NAMESPACE + ":bugle:fired:" + job.id();
      assertThat(jedis.get(key)).isEqualTo("1");
      assertThat(jedis.pttl(key)).isBetween(590_000L, 600_000L);
      assertThat(jedis.sismember("queues", QUEUE)).isTrue();
    }
  }

  @Test
  void withoutDedupeTheSameFireIsPushedAgain() {
    String marker = "again-" + UUID.randomUUID();
    JobRequest job = job(marker);
    try (Enqueuer e = new SidekiqEnqueuerProvider().create(settings("dedupe", "false"));
        Jedis jedis = RedisIt.jedis()) {
      assertThat(e.deduplicates()).isFalse();
      e.enqueue(job);
      e.enqueue(job);
      assertThat(count(jedis, marker)).isEqualTo(2);
      assertThat(jedis.exists(TestSettings.NAMESPACE + ":bugle:fired:" + job.id())).isFalse();
    }
  }

  @Test
  void unloadedScriptFallsBackFromNoscript() {
    // A variant of the script that no server has loaded, used as if it were: the first EVALSHA answers NOSCRIPT.
    String marker = "noscript-" + UUID.randomUUID();
    PropertySettings s = settings();
    try (Enqueuer e = new RedisEnqueuer("test", SidekiqFormat.read(s), ConnectionSettings.read(s), Dedupe.read(s),
        PushScript.variant(marker), true); Jedis jedis = RedisIt.jedis()) {
      JobRequest job = job(marker);
      e.enqueueAll(List.of(job, job(marker)));
      e.enqueue(job);
      assertThat(count(jedis, marker)).isEqualTo(2);
    }
  }

  @Test
  void batchLargerThanOneScriptCallArrivesWhole() {
    List<JobRequest> jobs = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      jobs.add(InteropJobs.job(RedisIt.unique("big"), "tasks.f", RQ_QUEUE, List.of(i, "x".repeat(i % 50)),
          Map.of("i", i)));
    }
    PropertySettings s = TestSettings.enqueuer("redis-url", RedisIt.URL, "dedupe-ttl", "10m");
    try (Enqueuer e = RedisEnqueuer.create(s, RqFormat.read(s)); Jedis jedis = RedisIt.jedis()) {
      e.enqueueAll(jobs);
      e.enqueueAll(jobs.subList(100, 420));
      List<String> ids = jedis.lrange("rq:queue:" + RQ_QUEUE, 0, -1);
      assertThat(ids).hasSize(450).doesNotHaveDuplicates();
      assertThat(ids.get(0)).isEqualTo(jobs.get(0).id().toString());
      assertThat(ids.get(449)).isEqualTo(jobs.get(449).id().toString());
      assertThat(jedis.hget("rq:job:" + jobs.get(333).id(), "origin")).isEqualTo(RQ_QUEUE);
    }
  }

  @Test
  void aJobThatCannotBeWrittenFailsAloneAndPermanently() {
    String marker = "rest-" + UUID.randomUUID();
    JobRequest good = job(marker);
    JobRequest bad = InteropJobs.job(RedisIt.unique("bad"), "CurrencyRatesJob", null, List.of(1), Map.of("k", 1));
    try (Enqueuer e = new SidekiqEnqueuerProvider().create(settings()); Jedis jedis = RedisIt.jedis()) {
      assertThatThrownBy(() -> e.enqueueAll(List.of(bad, good))).isInstanceOf(EnqueueException.class)
          .hasMessageContaining(".kwargs")
          .satisfies(x -> assertThat(((EnqueueException) x).retryable()).isFalse())
          .satisfies(x -> assertThat(((EnqueueException) x).failedJobs()).containsExactly(bad.id()));
      assertThat(count(jedis, marker)).isEqualTo(1);
    }
  }

  @Test
  void keyOfTheWrongTypeIsAPermanentFailure() {
    String queue = RedisIt.unique("wrongtype");
    try (Enqueuer e = new SidekiqEnqueuerProvider().create(TestSettings.enqueuer("redis-url", RedisIt.URL,
        "queue", queue, "dedupe-ttl", "10m")); Jedis jedis = RedisIt.jedis()) {
      jedis.set("queue:" + queue, "not a list");
      JobRequest job = job("x");
      try {
        assertThatThrownBy(() -> e.enqueue(job)).isInstanceOf(EnqueueException.class)
            .hasMessageContaining("WRONGTYPE").hasMessageContaining("queue:" + queue)
            .satisfies(x -> assertThat(((EnqueueException) x).retryable()).isFalse())
            .satisfies(x -> assertThat(((EnqueueException) x).failedJobs()).containsExactly(job.id()));
        // Nothing was written, so once the key is fixed the same fire goes out.
        assertThat(jedis.exists(TestSettings.NAMESPACE + ":bugle:fired:" + job.id())).isFalse();
        assertThat(jedis.sismember("queues", queue)).isFalse();
        jedis.del("queue:" + queue);
        e.enqueue(job);
        assertThat(jedis.llen("queue:" + queue)).isEqualTo(1);
      } finally {
        jedis.del("queue:" + queue);
        jedis.srem("queues", queue);
      }
    }
  }
}
