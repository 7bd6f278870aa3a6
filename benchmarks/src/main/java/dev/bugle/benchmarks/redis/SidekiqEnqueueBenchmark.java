package dev.bugle.benchmarks.redis;

import dev.bugle.backend.redis.SidekiqEnqueuerProvider;
import dev.bugle.core.JobRequest;
import dev.bugle.core.PropertySettings;
import dev.bugle.spi.Enqueuer;
import dev.bugle.support.JobJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.SetParams;

/**
 * 10,000 Sidekiq jobs into the Redis on 127.0.0.1:6379, one batch per invocation, in one run:
 * <ul>
 *   <li>{@code bugleEnqueueAll}: Bugle's {@code enqueueAll}, dedupe on (the push script: SET NX PX + SADD + LPUSH);
 *   <li>{@code bugleEnqueueAllNoDedupe}: the same with {@code dedupe=false} (the script without its SETs);
 *   <li>{@code rawPipelinedLpush}: raw pipelined Jedis LPUSH of the same payloads, already serialized: the target's
 *       baseline, which does nothing but the push;
 *   <li>{@code rawPipelinedSetNxLpush}: the same Redis work as Bugle's dedupe (SET NX PX, then LPUSH), pipelined but
 *       not atomic: what the dedupe key itself costs;
 *   <li>{@code rawJacksonSaddLpush}: a hand-written client doing what {@code Sidekiq::Client} does: build the job
 *       hash, serialize it with Jackson, SADD queues + LPUSH, pipelined.
 *   <li>{@code rawCasSetDedupe}: the Redis side of a different exactly-once design, prebuilt payloads: the fire ids
 *       as members of one set instead of one key each, checked and added with WATCH + SMISMEMBER, then MULTI,
 *       SADD, PEXPIRE and variadic LPUSHes of the new jobs, EXEC (an optimistic check-and-set, no script). Not
 *       what Bugle does; it shows what the target would need (docs/backend-redis.md#benchmark).
 * </ul>
 * Each invocation sends new fires (new ids), so every job is really pushed; keys are deleted between invocations,
 * outside the measurement. Run: {@code java -jar benchmarks/target/benchmarks.jar SidekiqEnqueueBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(1)
public class SidekiqEnqueueBenchmark {
  static final int JOBS = 10_000;
  private final String namespace = "bench-" + UUID.randomUUID().toString().substring(0, 8);
  private final String queueKey = namespace + ":queue:bench";
  private final String firedSet = namespace + ":bugle:fired";
  private Enqueuer enqueuer;
  private Enqueuer enqueuerNoDedupe;
  private Jedis raw;
  private List<JobRequest> jobs;
  private List<byte[]> payloads;

  @Setup(Level.Trial)
  public void open() {
    enqueuer = enqueuer("true");
    enqueuerNoDedupe = enqueuer("false");
    raw = new Jedis("127.0.0.1", 6379);
  }

  private Enqueuer enqueuer(String dedupe) {
    Map<String, String> settings = Map.of("redis-url", "redis://127.0.0.1:6379/0", "namespace", namespace,
        "queue", "bench", "dedupe", dedupe, "dedupe-ttl", "5m");
    return new SidekiqEnqueuerProvider().create(
        PropertySettings.of("bugle.enqueuer.bench.", namespace, InstantSource.system(), settings));
  }

  @Setup(Level.Invocation)
  public void newFires() {
    String schedule = "bench-" + UUID.randomUUID();
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    jobs = new ArrayList<>(JOBS);
    for (int i = 0; i < JOBS; i++) {
      Map<String, Object> options = new LinkedHashMap<>();
      options.put("currency", "EUR");
      options.put("page", i);
      jobs.add(JobRequest.of(namespace, schedule, at.plusSeconds(i), "CurrencyRatesJob", null,
          Arrays.asList("USD", i, options, null), Map.of(), Map.of()));
    }
    payloads = new ArrayList<>(JOBS);
    for (JobRequest job : jobs) {
      payloads.add(sidekiqJson(job));
    }
  }

  /** The job hash as Sidekiq's client writes it (what the raw baselines push). */
  static byte[] sidekiqJson(JobRequest job) {
    Instant now = Instant.now();
    BigDecimal at = BigDecimal.valueOf(now.getEpochSecond()).add(BigDecimal.valueOf(now.getNano() / 1000, 6));
    Map<String, Object> hash = new LinkedHashMap<>();
    hash.put("retry", true);
    hash.put("queue", "bench");
    hash.put("class", job.job());
    hash.put("args", job.args());
    hash.put("jid", job.idHex(24));
    hash.put("created_at", at);
    hash.put("enqueued_at", at);
    return JobJson.write(hash).getBytes(StandardCharsets.UTF_8);
  }

  @TearDown(Level.Invocation)
  public void dropKeys() {
    Pipeline p = raw.pipelined();
    p.unlink(queueKey, namespace + ":queues", firedSet);
    for (JobRequest job : jobs) {
      p.unlink(namespace + ":bugle:fired:" + job.id());
    }
    p.sync();
  }

  @TearDown(Level.Trial)
  public void close() {
    enqueuer.close();
    enqueuerNoDedupe.close();
    raw.close();
  }

  @Benchmark
  public void bugleEnqueueAll() {
    enqueuer.enqueueAll(jobs);
  }

  @Benchmark
  public void bugleEnqueueAllNoDedupe() {
    enqueuerNoDedupe.enqueueAll(jobs);
  }

  @Benchmark
  public void rawPipelinedLpush() {
    byte[] key = queueKey.getBytes(StandardCharsets.UTF_8);
    Pipeline p = raw.pipelined();
    for (byte[] payload : payloads) {
      p.lpush(key, payload);
    }
    p.sync();
  }

  @Benchmark
  public void rawPipelinedSetNxLpush() {
    byte[] key = queueKey.getBytes(StandardCharsets.UTF_8);
    byte[] one = {'1'};
    SetParams nx = SetParams.setParams().nx().px(300_000);
    Pipeline p = raw.pipelined();
    for (int i = 0; i < JOBS; i++) {
      p.set((namespace + ":bugle:fired:" + jobs.get(i).id()).getBytes(StandardCharsets.UTF_8), one, nx);
      p.lpush(key, payloads.get(i));
    }
    p.sync();
  }

  @Benchmark
  public void rawJacksonSaddLpush() {
    byte[] key = queueKey.getBytes(StandardCharsets.UTF_8);
    byte[] queues = (namespace + ":queues").getBytes(StandardCharsets.UTF_8);
    byte[] queue = "bench".getBytes(StandardCharsets.UTF_8);
    Pipeline p = raw.pipelined();
    for (JobRequest job : jobs) {
      p.sadd(queues, queue);
      p.lpush(key, sidekiqJson(job));
    }
    p.sync();
  }

  @Benchmark
  public Object rawCasSetDedupe() {
    byte[] set = firedSet.getBytes(StandardCharsets.UTF_8);
    byte[][] ids = new byte[JOBS][];
    for (int i = 0; i < JOBS; i++) {
      ids[i] = jobs.get(i).id().toString().getBytes(StandardCharsets.US_ASCII);
    }
    raw.watch(set);
    List<Boolean> seen = raw.smismember(set, ids);
    List<byte[]> fresh = new ArrayList<>(JOBS);
    List<byte[]> freshIds = new ArrayList<>(JOBS);
    for (int i = 0; i < JOBS; i++) {
      if (!seen.get(i)) {
        freshIds.add(ids[i]);
        fresh.add(payloads.get(i));
      }
    }
    Transaction t = raw.multi();
    t.sadd(set, freshIds.toArray(byte[][]::new));
    t.pexpire(set, 300_000);
    t.sadd((namespace + ":queues").getBytes(StandardCharsets.UTF_8), "bench".getBytes(StandardCharsets.UTF_8));
    byte[] key = queueKey.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < fresh.size(); i += 200) {
      t.lpush(key, fresh.subList(i, Math.min(fresh.size(), i + 200)).toArray(byte[][]::new));
    }
    List<Object> done = t.exec();
    if (done == null) {
      throw new IllegalStateException("the fired set changed under WATCH; nothing else writes it in this run");
    }
    return done;
  }
}
