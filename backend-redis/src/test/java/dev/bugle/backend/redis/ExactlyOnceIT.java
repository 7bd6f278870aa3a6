package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bugle.backend.redis.internal.ConnectionSettings;
import dev.bugle.backend.redis.internal.Dedupe;
import dev.bugle.backend.redis.internal.PayloadFormat;
import dev.bugle.backend.redis.internal.PushScript;
import dev.bugle.backend.redis.internal.RedisEnqueuer;
import dev.bugle.backend.redis.internal.RqFormat;
import dev.bugle.backend.redis.internal.SidekiqFormat;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.core.PropertySettings;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.TcpProxy;
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
  void refusedJobsAcrossScriptCallsLeaveTheRestOfTheBatchInOrder() {
    // Jobs are built and sent one script call at a time; refusals at call edges must not shift the others.
    String marker = "edges-" + UUID.randomUUID();
    List<JobRequest> jobs = new ArrayList<>();
    List<UUID> refused = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      boolean bad = i == 0 || i == 199 || i == 200 || i == 449;
      JobRequest job = InteropJobs.job(RedisIt.unique("edge"), "CurrencyRatesJob", null, List.of(marker, i),
          bad ? Map.of("k", 1) : Map.of());
      jobs.add(job);
      if (bad) {
        refused.add(job.id());
      }
    }
    try (Enqueuer e = new SidekiqEnqueuerProvider().create(settings()); Jedis jedis = RedisIt.jedis()) {
      assertThatThrownBy(() -> e.enqueueAll(jobs)).isInstanceOf(EnqueueException.class)
          .hasMessageStartingWith("4 job(s) cannot be written")
          .satisfies(x -> assertThat(((EnqueueException) x).failedJobs()).containsExactlyInAnyOrderElementsOf(refused));
      List<String> pushed = jedis.lrange("queue:" + QUEUE, 0, -1).stream().filter(s -> s.contains(marker)).toList();
      assertThat(pushed).hasSize(446);
      assertThat(pushed.get(pushed.size() - 1)).contains("[\"" + marker + "\",1]");
      assertThat(pushed.get(0)).contains("[\"" + marker + "\",448]");
    }
  }

  @Test
  void everyJobRefusedNeedsNoConnection() {
    // Nothing listens on port 1: a refusal must come out as the permanent error it is, not as an outage.
    JobRequest bad = InteropJobs.job(RedisIt.unique("bad"), "CurrencyRatesJob", null, List.of(1), Map.of("k", 1));
    try (Enqueuer e = new SidekiqEnqueuerProvider().create(TestSettings.enqueuer("redis-url",
        "redis://127.0.0.1:1/0", "connect-timeout", "200ms"))) {
      assertThatThrownBy(() -> e.enqueueAll(List.of(bad, bad))).isInstanceOf(EnqueueException.class)
          .hasMessageContaining(".kwargs")
          .satisfies(x -> assertThat(((EnqueueException) x).retryable()).isFalse());
    }
  }

  @Test
  void aFormatThatBreaksMidBatchDoesNotPoisonThePooledConnection() {
    // The first script call is already on the wire when the format throws, and its reply unread (Jedis reads it
    // when the connection goes back to the pool). With a pool of one connection, the next batch must not read
    // that stale reply as its own, and the failed batch, sent again, must not push twice.
    String marker = "poison-" + UUID.randomUUID();
    PropertySettings s = settings("pool-size", "1");
    SidekiqFormat sidekiq = SidekiqFormat.read(s);
    List<JobRequest> jobs = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      jobs.add(job(marker + "-" + i));
    }
    JobRequest breaking = jobs.get(230);
    PayloadFormat format = job -> {
      if (job == breaking) {
        throw new IllegalStateException("format bug");
      }
      return sidekiq.write(job);
    };
    try (Enqueuer e = new RedisEnqueuer("test", format, ConnectionSettings.read(s), Dedupe.read(s),
        PushScript.standard(), false); Jedis jedis = RedisIt.jedis()) {
      assertThatThrownBy(() -> e.enqueueAll(jobs)).hasMessage("format bug");
      long first = count(jedis, marker); // the first call ran whole or not at all, as Jedis flushed it or not
      assertThat(first).isIn(0L, 200L);
      JobRequest later = job(marker + "-later");
      e.enqueueAll(List.of(later, jobs.get(0)));
      assertThat(count(jedis, marker + "-later")).isEqualTo(1);
      assertThat(count(jedis, marker)).isEqualTo(first == 0 ? 2 : 201);
    }
  }

  @Test
  void aConnectionCutMidBatchFailsRetryablyAndTheResentBatchPushesEachJobOnce() throws Exception {
    // 1,000 jobs are five script calls of 200, about 60 kB each; the cut falls inside the third.
    String marker = "cut-" + UUID.randomUUID();
    List<JobRequest> jobs = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      jobs.add(job(marker + "-" + i));
    }
    try (TcpProxy proxy = new TcpProxy(6379); Jedis jedis = RedisIt.jedis();
        Enqueuer e = new SidekiqEnqueuerProvider().create(TestSettings.enqueuer("redis-url",
            "redis://127.0.0.1:" + proxy.port() + "/0", "queue", QUEUE, "dedupe-ttl", "10m", "timeout", "2s"))) {
      e.open(); // the script is loaded, so the batch's bytes are its five calls only
      proxy.cutAfter(150_000);
      EnqueueException cut = catchThrowableOfType(() -> e.enqueueAll(jobs), EnqueueException.class);
      assertThat(cut).isNotNull();
      assertThat(cut.retryable()).isTrue();
      assertThat(cut.failedJobs()).as("any job may have failed").isEmpty();
      long first = count(jedis, marker);
      assertThat(first).as("whole script calls ran, the cut one did not").isIn(200L, 400L);
      proxy.restore();
      e.enqueueAll(jobs);
      List<String> pushed = jedis.lrange("queue:" + QUEUE, 0, -1).stream().filter(p -> p.contains(marker)).toList();
      assertThat(pushed).hasSize(1000).doesNotHaveDuplicates();
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
