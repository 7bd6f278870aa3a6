package dev.bugle.core.internal;


/**
 * The policy every {@code bugle.*} value follows, whatever reads it: at most {@link #MAX_CHARS} characters, and
 * no control characters (a NUL in a queue or job name is never meant), except the JSON blanks tab, CR and LF in
 * {@code args} and {@code kwargs}. Values are shown escaped and abbreviated, never whole.
 */
public final class Values {
  /** How much of a value a message or {@code bugle check} shows. */
  public static final int SHOWN_CHARS = 200;

  private Values() {
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
