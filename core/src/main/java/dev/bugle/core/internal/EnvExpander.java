package dev.bugle.core.internal;

import dev.bugle.core.ConfigException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Expands {@code ${NAME}} and {@code ${NAME:-default}} in property values from the environment. */
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
    while (m.find()) {
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
    m.appendTail(out);
    return out.toString();
  }
}
