package dev.bugle.backend.redis.internal;

import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ActiveJob hash ({@code ActiveJob::Core#serialize}, Rails 6.1 and later) that the Sidekiq adapter's
 * {@code JobWrapper} runs. Arguments are serialized as {@code ActiveJob::Arguments} does: every map gets
 * {@code "_aj_symbol_keys": []}, and kwargs become a last map marked {@code _aj_ruby2_keywords}, so that
 * {@code perform(*args, **kwargs)} receives them as keywords.
 */
public record ActiveJobWrapper(String locale) {
  public static final String WRAPPER_CLASS = "ActiveJob::QueueAdapters::SidekiqAdapter::JobWrapper";
  private static final Set<String> RESERVED = Set.of("_aj_globalid", "_aj_symbol_keys", "_aj_ruby2_keywords",
      "_aj_serialized", "_aj_hash_with_indifferent_access");

  public Map<String, Object> serialize(JobRequest job, String queue, Instant now) {
    List<Object> arguments = new ArrayList<>();
    for (Object arg : job.args()) {
      arguments.add(argument(job, "args", arg));
    }
    if (!job.kwargs().isEmpty()) {
      Map<String, Object> keywords = hash(job, "kwargs", job.kwargs());
      keywords.put("_aj_ruby2_keywords", List.copyOf(job.kwargs().keySet()));
      arguments.add(keywords);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("job_class", job.job());
    data.put("job_id", job.id().toString());
    data.put("provider_job_id", null);
    data.put("queue_name", queue);
    data.put("priority", null);
    data.put("arguments", arguments);
    data.put("executions", 0);
    data.put("exception_executions", Map.of());
    data.put("locale", locale);
    data.put("timezone", "UTC");
    data.put("enqueued_at", now.truncatedTo(ChronoUnit.SECONDS).toString());
    return data;
  }

  private static Object argument(JobRequest job, String field, Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> hash = hash(job, field, map);
      hash.put("_aj_symbol_keys", List.of());
      return hash;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(argument(job, field, item)));
      return out;
    }
    return value;
  }

  private static Map<String, Object> hash(JobRequest job, String field, Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (RESERVED.contains(key)) {
        throw new ConfigException(Jobs.key(job, field), "the map key '" + key + "' is reserved by ActiveJob; "
            + "rename it; for example: " + Jobs.key(job, field) + "="
            + (field.equals("kwargs") ? "{\"id\": 1}" : "[{\"id\": 1}]"));
      }
      out.put(key, argument(job, field, e.getValue()));
    }
    return out;
  }
}
