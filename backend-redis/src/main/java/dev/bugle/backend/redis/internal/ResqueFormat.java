package dev.bugle.backend.redis.internal;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resque's job, as {@code Resque.push} writes it: {@code SADD <ns>:queues q} and
 * {@code RPUSH <ns>:queue:q {"class","args"}}, with the namespace {@code resque} unless set otherwise.
 */
public record ResqueFormat(String namespace, String defaultQueue) implements PayloadFormat {

  public static ResqueFormat read(Settings settings) {
    return new ResqueFormat(settings.string("namespace", "resque", "resque"),
        settings.string("queue", "default", "default"));
  }

  @Override
  public RedisWrite write(JobRequest job) {
    Jobs.requireNoKwargs(job, "Resque");
    String queue = job.queueOr(defaultQueue);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("class", job.job());
    payload.put("args", job.args());
    return new RedisWrite(job, List.of(RedisOp.sadd(namespace + ":queues", queue)),
        List.of(RedisOp.rpush(namespace + ":queue:" + queue, Jobs.json(job, payload))));
  }
}
