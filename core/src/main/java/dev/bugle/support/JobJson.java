package dev.bugle.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bugle.core.JobRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON for enqueuers, shared so that every backend writes the same values the same way. The envelope is the
 * generic format of the {@code log}, {@code redis-json} and {@code amqp-json} enqueuers.
 */
public final class JobJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private JobJson() {
  }

  /** A shared, thread-safe mapper configured for job payloads. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The value as compact JSON; values in a {@link JobRequest} always serialize. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serializable as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The generic envelope: id, schedule, scheduled_at (ISO-8601 UTC), job, queue, args, kwargs. */
  public static Map<String, Object> envelope(JobRequest job) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", job.id().toString());
    m.put("namespace", job.namespace());
    m.put("schedule", job.schedule());
    m.put("scheduled_at", job.scheduledAt().toString());
    m.put("job", job.job());
    m.put("queue", job.queue());
    m.put("args", job.args());
    m.put("kwargs", job.kwargs());
    return m;
  }
}
