package dev.bugle.core.internal;

import dev.bugle.core.ConfigException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations users write: {@code 500ms}, {@code 15s}, {@code 2m}, {@code 1h}, {@code 1d}, {@code 0}, or
 * ISO-8601, at most {@link #MAX} ({@code 366d}) for every key, so that no duration added to an instant, or turned
 * into nanoseconds (a jitter, a misfire window, a lock wait, a TTL), can overflow at run time.
 */
public final class Durations {
  /** The longest duration any key accepts: 366 days (31,622,400,000,000,000 ns, far below Long.MAX_VALUE). */
  public static final Duration MAX = Duration.ofDays(366);
  public static final String EXAMPLES = "500ms, 15s, 2m, 1h, 1d or PT15S, at most 366d";
  private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private Durations() {
  }

  /** The duration, or a {@link ConfigException} naming {@code key} and showing {@code key=example}. */
  public static Duration read(String key, String value, String example) {
    try {
      return parse(value);
    } catch (IllegalArgumentException e) {
      throw ConfigException.invalid(key, value, "a duration (" + EXAMPLES + ")", example);
    }
  }

  /** The duration, or an {@link IllegalArgumentException} whose message lists the accepted forms. */
  public static Duration parse(String text) {
    Duration d = parseUnbounded(text);
    if (d.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("'" + text + "' is longer than 366d, the longest duration accepted");
    }
    return d;
  }

  private static Duration parseUnbounded(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = SIMPLE.matcher(s);
    if (m.matches()) {
      long n;
      try {
        n = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        n = Long.MAX_VALUE; // too large: refused below
      }
      if (n > MAX.toMillis()) {
        throw new IllegalArgumentException("'" + text + "' is longer than 366d, the longest duration accepted");
      }
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    if (s.startsWith("pt") || s.startsWith("p")) {
      try {
        Duration d = Duration.parse(text.trim());
        if (!d.isNegative()) {
          return d;
        }
      } catch (DateTimeParseException | ArithmeticException e) {
        // fall through to the common message
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a duration; use " + EXAMPLES);
  }

  /** The short form ({@code 15s}, {@code 1h}), for printing. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0";
    }
    if (ms % 86_400_000 == 0) {
      return ms / 86_400_000 + "d";
    }
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
