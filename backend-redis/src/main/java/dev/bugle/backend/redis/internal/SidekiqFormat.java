package dev.bugle.backend.redis.internal;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Settings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sidekiq's job hash, as {@code Sidekiq::Client#push} writes it (Sidekiq 6/7; 8 reads it too): {@code SADD queues
 * q} and {@code LPUSH queue:q <json>}, every key under an optional namespace. With {@code active-job=true} the job
 * is wrapped for ActiveJob's Sidekiq adapter.
 */
public record SidekiqFormat(String keyPrefix, String defaultQueue, ActiveJobWrapper activeJob,
    JobOption<Object> retry, JobOption<Object> backtrace, JobOption<List<String>> tags, InstantSource clock)
    implements PayloadFormat {

  public static SidekiqFormat read(Settings settings) {
    String namespace = settings.string("namespace", "", "myapp");
    String queue = settings.string("queue", "default", "default");
    boolean activeJob = settings.booleanOf("active-job", false);
    String locale = settings.string("locale", "en", "en");
    if (!activeJob && settings.find("locale").isPresent()) {
      throw settings.error("locale", "is only used with active-job=true", "en");
    }
    return new SidekiqFormat(namespace.isEmpty() ? "" : namespace + ":", queue,
        activeJob ? new ActiveJobWrapper(locale) : null,
        JobOption.read(settings, "retry", JobOption::booleanOrCount, true),
        JobOption.read(settings, "backtrace", JobOption::booleanOrCount, null),
        JobOption.read(settings, "tags", JobOption::list, null),
        settings.clock());
  }

  @Override
  public Set<String> jobOptions() {
    return Set.of(retry.key(), backtrace.key(), tags.key());
  }

  @Override
  public RedisWrite write(JobRequest job) {
    String queue = job.queueOr(defaultQueue);
    Instant now = clock.instant();
    BigDecimal at = epochSeconds(now);
    Map<String, Object> hash = new LinkedHashMap<>();
    hash.put("retry", retry.resolve(job));
    hash.put("queue", queue);
    if (activeJob == null) {
      Jobs.requireNoKwargs(job, "Sidekiq");
      hash.put("class", job.job());
      hash.put("args", job.args());
    } else {
      hash.put("class", ActiveJobWrapper.WRAPPER_CLASS);
      hash.put("wrapped", job.job());
      hash.put("args", List.of(activeJob.serialize(job, queue, now)));
    }
    hash.put("jid", job.idHex(24));
    hash.put("created_at", at);
    hash.put("enqueued_at", at);
    putIfSet(hash, "backtrace", backtrace.resolve(job));
    putIfSet(hash, "tags", tags.resolve(job));
    return new RedisWrite(job, List.of(RedisOp.sadd(keyPrefix + "queues", queue)),
        List.of(RedisOp.lpush(keyPrefix + "queue:" + queue, Jobs.json(job, hash))));
  }

  /** Float epoch seconds with six fraction digits, always with a fraction: Sidekiq reads an integer as 1970. */
  static BigDecimal epochSeconds(Instant t) {
    return BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano() / 1000, 6));
  }

  private static void putIfSet(Map<String, Object> hash, String key, Object value) {
    if (value != null) {
      hash.put(key, value);
    }
  }
}
