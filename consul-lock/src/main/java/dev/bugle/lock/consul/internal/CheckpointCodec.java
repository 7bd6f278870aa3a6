package dev.bugle.lock.consul.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.bugle.core.LockException;
import dev.bugle.support.JobJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/** Checkpoints as stored in Consul: one JSON object, schedule name to ISO-8601 instant, merged forward only. */
public final class CheckpointCodec {
  private CheckpointCodec() {
  }

  public static Map<String, Instant> decode(String json, String key) {
    Map<String, Instant> out = new TreeMap<>();
    if (json == null || json.isBlank()) {
      return out;
    }
    try {
      Map<String, String> raw = JobJson.mapper().readValue(json, new TypeReference<Map<String, String>>() { });
      raw.forEach((k, v) -> out.put(k, Instant.parse(v)));
      return out;
    } catch (JsonProcessingException | DateTimeParseException e) {
      throw new LockException("the checkpoints stored in Consul key " + key + " are not a JSON object of"
          + " schedule name to ISO-8601 instant: " + e.getMessage(), e);
    }
  }

  public static String encode(Map<String, Instant> checkpoints) {
    Map<String, String> raw = new TreeMap<>();
    checkpoints.forEach((k, v) -> raw.put(k, v.toString()));
    return JobJson.write(raw);
  }

  /** {@code stored} with each of {@code fires} applied where it is later than what is stored. */
  public static Map<String, Instant> merge(Map<String, Instant> stored, Map<String, Instant> fires) {
    Map<String, Instant> out = new TreeMap<>(stored);
    fires.forEach((name, at) -> out.merge(name, at, (a, b) -> b.isAfter(a) ? b : a));
    return out;
  }
}
