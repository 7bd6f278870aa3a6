package dev.bugle.ops;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Bugle's version, as Maven wrote it into the jar; {@code development build} when run from classes. */
final class Version {
  private static final String VALUE = read();

  private Version() {
  }

  static String get() {
    return VALUE;
  }

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream(
        "/META-INF/maven/dev.bugle/bugle-operations/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "development build");
      }
    } catch (IOException e) {
      // fall through
    }
    return "development build";
  }
}
