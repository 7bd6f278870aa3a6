package dev.bugle.core.internal;

import dev.bugle.core.ConfigException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:-default}} in property values from the environment; any other
 * {@code ${} (unclosed, or not a variable name) is a mistake naming the key, never kept literally.
 */
public final class EnvExpander {
  private static final Pattern REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private EnvExpander() {
  }

  public static String expand(String key, String value, Map<String, String> env) {
    if (value.indexOf("${") < 0) {
      return value; // most values: no matcher, no copy (it matters with 100,000 schedules)
    }
    Matcher m = REF.matcher(value);
    StringBuilder out = new StringBuilder();
    int end = 0;
    while (m.find()) {
      requireNoReference(key, value, end, m.start());
      end = m.end();
      String v = env.get(m.group(1));
      if (v == null || (v.isEmpty() && m.group(2) != null)) {
        if (m.group(2) == null) {
          throw new ConfigException(key, "environment variable " + m.group(1) + " is not set; set it, or give a"
              + " default: ${" + m.group(1) + ":-value}");
        }
        v = m.group(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    requireNoReference(key, value, end, value.length());
    m.appendTail(out);
    return out.toString();
  }

  /** A "${" between {@code from} and {@code to}, outside every well-formed reference, is a mistake. */
  private static void requireNoReference(String key, String value, int from, int to) {
    int at = value.indexOf("${", from);
    if (at < 0 || at >= to) {
      return;
    }
    int close = value.indexOf('}', at);
    String ref = close < 0 ? value.substring(at) : value.substring(at, close + 1);
    String name = ref.substring(2).split("[^A-Za-z0-9_]", 2)[0];
    String example = name.isEmpty() || !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_' ? "API_KEY" : name;
    throw new ConfigException(key, "'" + Values.show(ref) + "' is " + (close < 0 ? "not closed" : "not a valid reference")
        + ": references are ${NAME} or ${NAME:-default}, NAME being letters, digits and '_' (not first a digit);"
        + " for example: " + key + "=${" + example + "} or ${" + example + ":-value}");
  }
}
