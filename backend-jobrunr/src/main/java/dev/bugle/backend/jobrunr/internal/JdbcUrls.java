package dev.bugle.backend.jobrunr.internal;

import dev.bugle.core.Secrets;
import java.util.List;
import java.util.regex.Pattern;

/** Checks JDBC URLs against the databases this module supports, and masks passwords in them for messages. */
public final class JdbcUrls {
  /** The URL schemes JobRunr's SQL storage is tested with here, and whose drivers ship with this module. */
  public static final List<String> SCHEMES = List.of("jdbc:postgresql:", "jdbc:mariadb:");
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;)\\s]*");

  private JdbcUrls() {
  }

  /** An {@link IllegalArgumentException} saying what is expected, unless {@code url} names a supported database. */
  public static void requireSupported(String url) {
    if (url == null || SCHEMES.stream().noneMatch(url::startsWith)) {
      throw new IllegalArgumentException("a JDBC URL starting with one of " + SCHEMES
          + " (JobRunr picks its SQL dialect from it)");
    }
  }

  /** {@code jdbc:postgresql://h/db?user=u&password=x} becomes {@code …password=****}; user:pw@ is masked too. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    return Secrets.maskUrls(PASSWORD_PARAM.matcher(text).replaceAll("$1" + Secrets.MASK));
  }

  /** Masks URL passwords in {@code text} and, if given, every occurrence of the literal {@code password}. */
  public static String mask(String text, String password) {
    String masked = mask(text);
    if (masked != null && password != null && !password.isEmpty()) {
      masked = masked.replace(password, Secrets.MASK);
    }
    return masked;
  }
}
