package dev.bugle.lock.consul.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.support.JobJson;
import java.util.Map;

/**
 * Who holds the lock, in words, from the lock key's value ({@code {"holder":"web-3","pid":4121}}, written by
 * the holder when it acquired) and its session: {@code host web-3 pid 4121 (session 5e0c…)}.
 */
public final class Holder {
  private static final int MAX_SHOWN = 80;

  private Holder() {
  }

  /** The value this process writes into the lock key when it acquires it. */
  public static String value(String host, long pid) {
    return JobJson.write(Map.of("holder", host, "pid", pid));
  }

  /** {@code host H pid P (session S)}; a value that is not ours is shown as it is, shortened. */
  public static String describe(String value, String session) {
    return who(value) + " (session " + session + ")";
  }

  private static String who(String value) {
    if (value == null || value.isBlank()) {
      return "an unnamed holder";
    }
    try {
      JsonNode v = JobJson.mapper().readTree(value);
      if (v != null && v.hasNonNull("holder") && v.hasNonNull("pid")) {
        return "host " + v.get("holder").asText() + " pid " + v.get("pid").asText();
      }
    } catch (java.io.IOException e) {
      // not our JSON: shown as it is below
    }
    String shown = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "…" : value;
    return "a holder whose value is '" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
