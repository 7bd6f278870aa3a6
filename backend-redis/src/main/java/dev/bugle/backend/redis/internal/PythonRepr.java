package dev.bugle.backend.redis.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;


/**
 * RQ's default job description, {@code get_call_string}: {@code func(arg, …, key=value, …)} with Python's
 * {@code repr} of each JSON value and the keyword arguments sorted, e.g. {@code tasks.f('USD', 2, round=True)}.
 */
final class PythonRepr {
  private PythonRepr() {
  }

  static String call(String func, List<Object> args, Map<String, Object> kwargs) {
    StringBuilder sb = new StringBuilder(func).append('(');
    String sep = "";
    for (Object arg : args) {
      sb.append(sep);
      repr(sb, arg);
      sep = ", ";
    }
    List<String> keywords = new ArrayList<>();
    kwargs.forEach((k, v) -> {
      StringBuilder kw = new StringBuilder(k).append('=');
      repr(kw, v);
      keywords.add(kw.toString());
    });
    Collections.sort(keywords);
    for (String kw : keywords) {
      sb.append(sep).append(kw);
      sep = ", ";
    }
    return sb.append(')').toString();
  }

  static void repr(StringBuilder sb, Object value) {
    if (value == null) {
      sb.append("None");
    } else if (value instanceof Boolean b) {
      sb.append(b ? "True" : "False");
    } else if (value instanceof String s) {
      string(sb, s);
    } else if (value instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ", ");
        repr(sb, list.get(i));
      }
      sb.append(']');
    } else if (value instanceof Map<?, ?> map) {
      sb.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sb.append(sep);
        string(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        repr(sb, e.getValue());
        sep = ", ";
      }
      sb.append('}');
    } else {
      sb.append(value);
    }
  }

  /** Python's str repr: single quotes unless the text has a single quote and no double quote. */
  private static void string(StringBuilder sb, String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    sb.append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c == quote) {
            sb.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append(quote);
  }
}
