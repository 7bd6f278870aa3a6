package dev.bugle.core.internal;

import dev.bugle.core.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link java.util.Properties} file format (comments, continuation lines, {@code =}/{@code :}/blank
 * separators, {@code \}-escapes), read the same way but keeping each entry's line, so that a key written twice
 * can be reported with both lines instead of the last one silently winning.
 */
public final class PropertiesText {
  /** One {@code key=value} as written, starting on {@code line} (1-based). */
  public record Entry(String key, String value, int line) {
  }

  private final String text;
  private int pos;
  private int line = 1;

  private PropertiesText(String text) {
    this.text = text;
  }

  /** Every entry in file order; a malformed {@code \}uXXXX escape is a {@link ConfigException} naming its line. */
  public static List<Entry> parse(String text) {
    return new PropertiesText(text).entries();
  }

  private List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    while (pos < text.length()) {
      skipBlanks();
      int start = line;
      if (pos >= text.length()) {
        break;
      }
      char c = text.charAt(pos);
      if (c == '#' || c == '!') {
        while (pos < text.length() && !isEol(text.charAt(pos))) {
          pos++;
        }
      } else if (isEol(c)) {
        newline();
      } else {
        String key = token(true, start);
        skipBlanks();
        if (pos < text.length() && (text.charAt(pos) == '=' || text.charAt(pos) == ':')) {
          pos++;
          skipBlanks();
        }
        out.add(new Entry(key, token(false, start), start));
      }
    }
    return out;
  }

  /** A key (up to an unescaped '=', ':' or blank) or a value (to the end of the logical line), unescaped. */
  private String token(boolean key, int start) {
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (isEol(c) || (key && (c == '=' || c == ':' || isBlank(c)))) {
        break;
      }
      pos++;
      if (c != '\\') {
        sb.append(c);
      } else if (pos >= text.length()) {
        break; // a backslash at the very end continues onto nothing
      } else if (isEol(text.charAt(pos))) {
        newline(); // a continuation line: its leading blanks are dropped
        skipBlanks();
      } else {
        sb.append(escape(start));
      }
    }
    return sb.toString();
  }

  private char escape(int start) {
    char c = text.charAt(pos++);
    switch (c) {
      case 't': return '\t';
      case 'n': return '\n';
      case 'r': return '\r';
      case 'f': return '\f';
      case 'u':
        if (pos + 4 <= text.length()) {
          try {
            char u = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
            if (text.substring(pos, pos + 4).chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
              pos += 4;
              return u;
            }
          } catch (NumberFormatException e) {
            // reported below
          }
        }
        throw new ConfigException(null, "line " + line + ": malformed \\uXXXX escape (the entry starts on line "
            + start + "); write four hex digits, for example \\u00e9, or \\\\u for a backslash and a u");
      default: return c;
    }
  }

  private void newline() {
    if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
      pos++;
    }
    pos++;
    line++;
  }

  private void skipBlanks() {
    while (pos < text.length() && isBlank(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\f';
  }

  private static boolean isEol(char c) {
    return c == '\n' || c == '\r';
  }
}
