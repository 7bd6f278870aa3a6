package dev.bugle.backend.redis.internal;

import dev.bugle.core.JobRequest;
import dev.bugle.support.PythonRepr;
import dev.bugle.spi.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DeflaterOutputStream;

/**
 * RQ 1.x's job, as {@code Queue.enqueue_job} writes it: {@code HSET rq:job:<id>} with zlib(JSON) {@code data} for
 * RQ's {@code JSONSerializer}, {@code RPUSH rq:queue:<q> <id>}, {@code SADD rq:queues rq:queue:<q>}.
 */
public record RqFormat(String defaultQueue, JobOption<Long> timeout, JobOption<Long> resultTtl,
    JobOption<String> description, InstantSource clock) implements PayloadFormat {
  /** RQ's {@code utcformat}: {@code %Y-%m-%dT%H:%M:%S.%fZ}, exactly six fraction digits, in UTC. */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final byte[] EMPTY = new byte[0];

  public static RqFormat read(Settings settings) {
    return new RqFormat(settings.string("queue", "default", "default"),
        JobOption.read(settings, "timeout", JobOption::secondsOrForever, 180L),
        JobOption.read(settings, "result-ttl", JobOption::secondsOrForever, null),
        JobOption.read(settings, "description", JobOption::text, null),
        settings.clock());
  }

  @Override
  public Set<String> jobOptions() {
    return Set.of(timeout.key(), resultTtl.key(), description.key());
  }

  @Override
  public RedisWrite write(JobRequest job) {
    String queue = job.queueOr(defaultQueue);
    String id = job.id().toString();
    String queueKey = "rq:queue:" + queue;
    String now = TIME.format(clock.instant());
    Map<String, byte[]> hash = new LinkedHashMap<>();
    hash.put("status", utf8("queued"));
    hash.put("data", zlib(Jobs.json(job, Arrays.asList(job.job(), null, job.args(), job.kwargs()))));
    hash.put("created_at", utf8(now));
    hash.put("enqueued_at", utf8(now));
    hash.put("origin", utf8(queue));
    String text = description.resolve(job);
    hash.put("description", utf8(text != null ? text : PythonRepr.call(job.job(), job.args(), job.kwargs())));
    hash.put("timeout", utf8(timeout.resolve(job).toString()));
    Long ttl = resultTtl.resolve(job);
    if (ttl != null) {
      hash.put("result_ttl", utf8(ttl.toString()));
    }
    for (String empty : List.of("started_at", "ended_at", "last_heartbeat", "worker_name",
        "success_callback_name", "failure_callback_name")) {
      hash.put(empty, EMPTY);
    }
    return new RedisWrite(job, List.of(RedisOp.sadd("rq:queues", queueKey)),
        List.of(RedisOp.hset("rq:job:" + id, hash), RedisOp.rpush(queueKey, utf8(id))));
  }

  /** zlib (RFC 1950) at the default level, as Python's {@code zlib.compress} writes it. */
  static byte[] zlib(byte[] json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 2 + 16);
    try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
      z.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
