package dev.bugle.core.internal;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks done once per schedule, kept cheap for large configurations (100,000 schedules are read at start-up,
 * mostly by the interpreter): the name check without a regex, and time zones looked up once per distinct id.
 */
public final class Names {
  /** The zones read so far, by id as written (trimmed). {@link ZoneId}s are immutable values. */
  private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();

  private Names() {
  }

  /** Exactly {@code Schedule.NAME.matcher(name).matches()}: {@code [A-Za-z0-9][A-Za-z0-9_-]*}. */
  public static boolean valid(String name) {
    if (name.isEmpty() || !alnum(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!alnum(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** {@code ZoneId.of(id)}, with the same exceptions; a valid id is parsed once. */
  public static ZoneId zone(String id) {
    ZoneId known = ZONES.get(id);
    if (known != null) {
      return known;
    }
    ZoneId zone = ZoneId.of(id);
    ZONES.putIfAbsent(id, zone);
    return zone;
  }
}
