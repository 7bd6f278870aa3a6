package dev.bugle.core;

import java.util.Locale;
import java.util.regex.Pattern;

/** Masks secrets before they reach a log line or the output of {@code bugle check}. */
public final class Secrets {
  public static final String MASK = "****";
  private static final Pattern SECRET_KEY = Pattern.compile(".*(password|passwd|secret|token|credential).*");
  /**
   * {@code scheme://user:password@host}: the password runs from the first ':' after the user to the LAST '@' of the
   * word, since passwords are often written with an unencoded '@', ':' or '/'. Masking too much is the safe side.
   */
  private static final Pattern URL_PASSWORD = Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^:/?#\\s]*:)\\S*@");
  /** JDBC and other URLs that carry the password as a parameter: {@code ?user=x&password=y}. */
  private static final Pattern PARAM_PASSWORD = Pattern.compile("(?i)([?&;](?:password|passwd|pwd)=)(?!\\*\\*\\*\\*)[^&;\\s]*");

  private Secrets() {
  }

  /**
   * True for keys whose last segment says they hold a secret ({@code ….password}, {@code ….token}, …); a
   * schedule merely named {@code rotate-token} does not make its {@code job} secret.
   */
  public static boolean isSecretKey(String key) {
    String last = key.substring(key.lastIndexOf('.') + 1);
    return SECRET_KEY.matcher(last.toLowerCase(Locale.ROOT)).matches();
  }

  /** {@code redis://user:p@ss@host} becomes {@code redis://user:****@host}, {@code ?password=pw} becomes {@code ?password=****}. */
  public static String maskUrls(String text) {
    if (text == null) {
      return null;
    }
    String masked = URL_PASSWORD.matcher(text).replaceAll("$1" + MASK + "@");
    return PARAM_PASSWORD.matcher(masked).replaceAll("$1" + MASK);
  }

  /** The value to show for {@code key}: fully masked when the key is secret, else with URL passwords masked. */
  public static String display(String key, String value) {
    if (value == null) {
      return null;
    }
    return isSecretKey(key) && !value.isEmpty() ? MASK : maskUrls(value);
  }
}
