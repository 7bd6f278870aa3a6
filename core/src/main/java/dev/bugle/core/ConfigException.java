package dev.bugle.core;

import dev.bugle.core.internal.Values;
import java.util.Objects;

/**
 * Bad configuration or usage: a message that names the offending key and shows a valid example.
 * The command line maps it to exit code 2, before anything connects.
 */
public class ConfigException extends BugleException {
  private final String key;

  public ConfigException(String key, String message) {
    super(key == null ? message : Values.show(key) + ": " + message);
    this.key = key;
  }

  public ConfigException(String key, String message, Throwable cause) {
    super(key == null ? message : Values.show(key) + ": " + message, cause);
    this.key = key;
  }

  /** The full property key at fault, or null when the error is not about one key. */
  public String key() {
    return key;
  }

  /** "key: got 'x'; expected ...; for example: ..." with the key named; the value shown escaped and abbreviated. */
  public static ConfigException invalid(String key, String value, String expected, String example) {
    Objects.requireNonNull(key, "key");
    return new ConfigException(key, "invalid value '" + Values.show(value) + "'; expected " + expected
        + "; for example: " + key + "=" + example);
  }
}
