package dev.bugle.core.internal;

import dev.bugle.core.ConfigException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fire placeholders in string values of a schedule's {@code args} and {@code kwargs} (nested too):
 * {@code {{scheduled_at}}} (ISO-8601, UTC), {@code {{scheduled_at_epoch}}} (whole seconds: a JSON number when it is
 * the whole value, its digits inside a longer string) and {@code {{fire_id}}} (the fire's UUID). Map keys are left
 * as written. A schedule without any is detected once ({@link #present}) and then costs nothing per fire.
 */
public final class Placeholders {
  public static final String SCHEDULED_AT = "{{scheduled_at}}";
  public static final String SCHEDULED_AT_EPOCH = "{{scheduled_at_epoch}}";
  public static final String FIRE_ID = "{{fire_id}}";
  public static final List<String> ALL = List.of(SCHEDULED_AT, SCHEDULED_AT_EPOCH, FIRE_ID);

  private Placeholders() {
  }

  /** True when some string value in {@code value} (a JSON value as plain Java) holds {@code {{}. */
  public static boolean present(Object value) {
    if (value instanceof String s) {
      return s.contains("{{");
    }
    if (value instanceof List<?> list) {
      for (Object v : list) {
        if (present(v)) {
          return true;
        }
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Object v : map.values()) {
        if (present(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Throws a {@link ConfigException} naming {@code key} for a {@code {{...}}} that is not a known placeholder. */
  public static void check(String key, Object value) {
    if (value instanceof String s) {
      for (int open = s.indexOf("{{"); open >= 0; open = s.indexOf("{{", open + 2)) {
        int close = s.indexOf("}}", open + 2);
        String found = close < 0 ? s.substring(open) : s.substring(open, close + 2);
        if (!ALL.contains(found)) {
          throw new ConfigException(key, "unknown placeholder '" + found + "' in \"" + s + "\"; the valid ones are "
              + String.join(", ", ALL) + "; for example: " + key + "=" + (key.endsWith("kwargs")
              ? "{\"at\": \"" + SCHEDULED_AT + "\"}" : "[\"" + SCHEDULED_AT + "\"]"));
        }
        open = close;
      }
    } else if (value instanceof List<?> list) {
      list.forEach(v -> check(key, v));
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> check(key, v));
    }
  }

  /** {@code value} with every placeholder replaced for the fire {@code id} at {@code at}; other values as they are. */
  public static Object apply(Object value, Instant at, UUID id) {
    if (value instanceof String s) {
      if (!s.contains("{{")) {
        return s;
      }
      if (s.equals(SCHEDULED_AT_EPOCH)) {
        return at.getEpochSecond();
      }
      return s.replace(SCHEDULED_AT_EPOCH, Long.toString(at.getEpochSecond()))
          .replace(SCHEDULED_AT, at.toString())
          .replace(FIRE_ID, id.toString());
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(apply(v, at, id)));
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, apply(v, at, id)));
      return out;
    }
    return value;
  }
}
