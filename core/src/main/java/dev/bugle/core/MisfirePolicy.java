package dev.bugle.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a leader does with fires it missed (it started late, or took over from a dead leader). */
public enum MisfirePolicy {
  /** Fire none of them; wait for the next one. */
  SKIP,
  /** Fire the latest one inside the misfire window (the default). */
  FIRE_ONCE,
  /** Fire all of them inside the misfire window, oldest first, up to the schedule's catch-up limit. */
  CATCH_UP;

  /** The name users write: {@code skip}, {@code fire-once}, {@code catch-up}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static MisfirePolicy parse(String key, String value) {
    for (MisfirePolicy p : values()) {
      if (p.configName().equals(value)) {
        return p;
      }
    }
    throw ConfigException.invalid(key, value,
        "one of " + Arrays.stream(values()).map(MisfirePolicy::configName).collect(Collectors.joining(", ")),
        "fire-once");
  }
}
