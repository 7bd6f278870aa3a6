package dev.bugle.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code repr()} of JSON values, for the Python stacks' display fields: Celery's {@code argsrepr} and
 * {@code kwargsrepr} headers, RQ's job {@code description}. Hand-written because no Java library renders Python
 * literals, and the rules for JSON values are few: {@code None}, {@code True}/{@code False}, quoted strings,
 * numbers, lists and dicts.
 */
public final class PythonRepr {
  private PythonRepr() {
  }

  /** The repr of {@code value}, cut at {@code maxLength} with {@code ...} as Celery's {@code saferepr} does. */
  public static String of(Object value, int maxLength) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.length() <= maxLength ? out.toString() : out.substring(0, Math.max(0, maxLength - 3)) + "...";
  }

  /**
   * RQ's {@code get_call_string}: {@code func(arg, ..., key=value, ...)} with the keyword arguments sorted, e.g.
   * {@code tasks.f('USD', 2, round=True)}.
   */
  public static String call(String func, List<Object> args, Map<String, Object> kwargs) {
    StringBuilder out = new StringBuilder(func).append('(');
    joined(out, args.iterator(), false);
    List<String> keywords = new ArrayList<>();
    kwargs.forEach((k, v) -> {
      StringBuilder kw = new StringBuilder(k).append('=');
      append(kw, v);
      keywords.add(kw.toString());
    });
    Collections.sort(keywords);
    String sep = args.isEmpty() ? "" : ", ";
    for (String kw : keywords) {
      out.append(sep).append(kw);
      sep = ", ";
    }
    return out.append(')').toString();
  }

  private static void append(StringBuilder out, Object v) {
    if (v == null) {
      out.append("None");
    } else if (v instanceof Boolean b) {
      out.append(b ? "True" : "False");
    } else if (v instanceof CharSequence s) {
      string(out, s.toString());
    } else if (v instanceof Double || v instanceof Float) {
      out.append(floatRepr(((Number) v).doubleValue()));
    } else if (v instanceof BigDecimal d) {
      out.append(d.toPlainString());
    } else if (v instanceof Number n) {
      out.append(n);
    } else if (v instanceof List<?> list) {
      out.append('[');
      joined(out, list.iterator(), false);
      out.append(']');
    } else if (v instanceof Map<?, ?> map) {
      out.append('{');
      joined(out, map.entrySet().iterator(), true);
      out.append('}');
    } else {
      string(out, v.toString());
    }
  }

  private static void joined(StringBuilder out, Iterator<?> items, boolean entries) {
    while (items.hasNext()) {
      Object item = items.next();
      if (entries) {
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) item;
        append(out, e.getKey() == null ? null : e.getKey().toString());
        out.append(": ");
        append(out, e.getValue());
      } else {
        append(out, item);
      }
      if (items.hasNext()) {
        out.append(", ");
      }
    }
  }

  private static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      return (long) d + ".0";
    }
    return Double.toString(d).replace("E", "e");
  }

  /** Single quotes unless the text holds a single quote and no double quote, as Python chooses. */
  private static void string(StringBuilder out, String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    out.append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == quote) {
            out.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append(quote);
  }
}
