package dev.bugle.core.internal;

import dev.bugle.core.ConfigException;

/**
 * The policy every {@code bugle.*} value follows, whatever reads it: at most {@link #MAX_CHARS} characters, and
 * no control characters (a NUL in a queue or job name is never meant), except the JSON blanks tab, CR and LF in
 * {@code args} and {@code kwargs}. Values are shown escaped and abbreviated, never whole.
 */
public final class Values {
  /** The longest value: 65,536 characters (64 KiB of ASCII). */
  public static final int MAX_CHARS = 65_536;
  /** How much of a value a message or {@code bugle check} shows. */
  public static final int SHOWN_CHARS = 200;

  private Values() {
  }

  /** The mistake in {@code value} of {@code key}, or null when it has none. */
  public static ConfigException problem(String key, String value) {
    if (value.length() > MAX_CHARS) {
      return new ConfigException(key, "is " + value.length() + " characters long; the limit is " + MAX_CHARS
          + " per value; keep bulky data out of the configuration and pass a reference to it, for example: " + key
          + "=" + show(value.substring(0, 20)) + "…");
    }
    boolean json = key.endsWith(".args") || key.endsWith(".kwargs"); // no substring per key: 100,000 schedules
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && !(json && (c == '\t' || c == '\n' || c == '\r'))) {
        return new ConfigException(key, "holds the control character " + escape(c) + " at position " + (i + 1)
            + "; remove it" + (json ? " (inside a JSON string write it as an escape, such as \\u0000)" : "")
            + "; for example: " + key + "=" + show(value.replaceAll("\\p{Cntrl}", "")));
      }
    }
    return null;
  }

  /** A whole number in [min, max], or a {@link ConfigException} naming {@code key} and showing {@code example}. */
  public static long wholeNumber(String key, String value, long min, long max, String example) {
    try {
      long n = Long.parseLong(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ConfigException.invalid(key, value, "a whole number in [" + min + ", " + max + "]", example);
  }

  /** {@code value} for messages: control characters escaped, cut after {@link #SHOWN_CHARS} characters. */
  public static String show(String value) {
    if (value == null) {
      return null;
    }
    boolean cut = value.length() > SHOWN_CHARS;
    String head = cut ? value.substring(0, SHOWN_CHARS) : value;
    StringBuilder sb = null;
    for (int i = 0; i < head.length(); i++) {
      char c = head.charAt(i);
      if (Character.isISOControl(c)) {
        if (sb == null) {
          sb = new StringBuilder(head.substring(0, i));
        }
        sb.append(escape(c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    String shown = sb == null ? head : sb.toString();
    return cut ? shown + "… (" + value.length() + " characters in all)" : shown;
  }

  private static String escape(char c) {
    return String.format("\\u%04x", (int) c);
  }
}
