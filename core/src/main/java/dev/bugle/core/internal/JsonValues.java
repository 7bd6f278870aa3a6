package dev.bugle.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.bugle.core.ConfigException;
import dev.bugle.support.JobJson;
import java.util.List;
import java.util.Map;

/**
 * A schedule's {@code args} (a JSON array) and {@code kwargs} (a JSON object). A number JSON can write but a
 * double cannot hold ({@code 1e999999} would become Infinity, which no worker's JSON reads back) is refused.
 */
public final class JsonValues {
  private static final TypeReference<List<Object>> LIST = new TypeReference<List<Object>>() { };
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<Map<String, Object>>() { };

  private JsonValues() {
  }

  public static List<Object> list(String key, String value) {
    return read(key, value, LIST, "[\"USD\", 2]");
  }

  public static Map<String, Object> object(String key, String value) {
    return read(key, value, MAP, "{\"currency\": \"USD\"}");
  }

  private static <T> T read(String key, String value, TypeReference<T> type, String example) {
    if (value == null || value.isBlank()) {
      return null;
    }
    T parsed;
    try {
      parsed = JobJson.mapper().readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new ConfigException(key, "not valid JSON of the right shape (" + e.getOriginalMessage()
          + "); for example: " + key + "=" + example);
    }
    requireFinite(key, parsed, example);
    Placeholders.check(key, parsed);
    return parsed;
  }

  private static void requireFinite(String key, Object v, String example) {
    if (v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)) {
      throw new ConfigException(key, "holds a number out of range (it would be sent as " + v + "): a JSON number"
          + " must fit a double, up to about 1.8e308; write a large value as a string; for example: " + key + "="
          + example);
    }
    if (v instanceof List<?> l) {
      l.forEach(x -> requireFinite(key, x, example));
    } else if (v instanceof Map<?, ?> m) {
      m.values().forEach(x -> requireFinite(key, x, example));
    }
  }
}
