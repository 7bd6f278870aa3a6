package dev.bugle.core.internal;

import java.util.Collection;
import java.util.Locale;

/**
 * Keys that are almost {@code bugle.*} ({@code Bugle.lock}, {@code bugel.namespace}, {@code bugle_lock}): Bugle
 * would silently ignore them, so they are mistakes. Keys not close to {@code bugle.} stay allowed: the file may
 * hold other programs' settings.
 */
public final class StrayKeys {
  private static final String PREFIX = "bugle";

  private StrayKeys() {
  }

  /** The message for a key that looks meant for Bugle, or null for one that does not (or is {@code bugle.*}). */
  public static String problem(String key, String value, Collection<String> coreKeys) {
    if (key.startsWith(PREFIX + ".")) {
      return null;
    }
    String lower = key.toLowerCase(Locale.ROOT);
    int end = 0;
    while (end < key.length() && Character.isLetter(key.charAt(end))) {
      end++;
    }
    String rest;
    if (lower.startsWith(PREFIX)) {
      rest = key.substring(PREFIX.length());
    } else if (end >= 4 && Suggest.distance(lower.substring(0, end), PREFIX) <= 1) {
      rest = key.substring(end);
    } else {
      return null;
    }
    rest = rest.isEmpty() || Character.isLetterOrDigit(rest.charAt(0)) ? rest : rest.substring(1);
    if (rest.equals(rest.toUpperCase(Locale.ROOT))) {
      rest = rest.toLowerCase(Locale.ROOT).replace('_', '.'); // BUGLE_LOCK_WAIT, as an environment variable
    }
    String meant = PREFIX + "." + rest;
    String core = Suggest.closest(meant.replace('_', '.'), coreKeys).orElse(null);
    String suggestion = core != null ? core : meant;
    return "is not read: Bugle reads only keys that start with 'bugle.' (did you mean '" + suggestion + "'?)"
        + "; for example: " + suggestion + "=" + Values.show(value);
  }
}
