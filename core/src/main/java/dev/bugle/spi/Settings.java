package dev.bugle.spi;

import dev.bugle.core.ConfigException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;

/**
 * A typed view of one provider's properties, for example everything under {@code bugle.enqueuer.main.} or
 * {@code bugle.lock.consul.}. Keys are given relative to that prefix ({@code "redis-url"}); every error names
 * the full key ({@code bugle.enqueuer.main.redis-url}) and shows a valid example.
 *
 * <p>Every key a provider reads is recorded. After {@code create} returns, any key under the prefix that was
 * never read is reported as unknown, with a "did you mean" suggestion, so a provider must read all of its
 * settings in {@code create} (it must not connect there: connect lazily, so that {@code bugle check} and
 * start-up validation touch no network).
 */
public interface Settings {

  /** The full prefix, ending in a dot, such as {@code bugle.enqueuer.main.}. */
  String prefix();

  /** The namespace of this Bugle deployment ({@code bugle.namespace}). */
  String namespace();

  /** The wall clock the scheduler runs on; use it instead of {@code Instant.now()}. */
  InstantSource clock();

  /** The raw value, if set. */
  Optional<String> find(String key);

  /** A required value; a {@link ConfigException} naming the key and {@code example} when it is missing. */
  String string(String key, String example);

  String string(String key, String defaultValue, String example);

  int intOf(String key, int defaultValue, int min, int max);

  long longOf(String key, long defaultValue, long min, long max);

  boolean booleanOf(String key, boolean defaultValue);

  /** Durations like {@code 500ms}, {@code 15s}, {@code 2m}, {@code 1h}, {@code 1d}, or ISO-8601 {@code PT15S}. */
  Duration durationOf(String key, Duration defaultValue);

  /** One of {@code allowed} (case-sensitive); the error lists them. */
  String oneOf(String key, String defaultValue, Set<String> allowed);

  /** Marks a key as a secret: its value is masked in {@code bugle check} and in every log line. */
  Optional<String> secret(String key);

  /** The full key for a relative one, for messages: {@code key("redis-url")} is {@code bugle.enqueuer.main.redis-url}. */
  default String key(String relativeKey) {
    return prefix() + relativeKey;
  }

  /**
   * Reports a mistake in {@code key} (one that {@code create} finds itself, such as a value out of range) and
   * lets {@code create} read on, so that every mistake is reported at once and the keys it reads afterwards count
   * as read; go on with the default. When Bugle assembles a configuration the mistake is collected and the created
   * object discarded; elsewhere (these default methods, and settings built for tests) it is thrown.
   */
  default void reject(String key, String message, String example) {
    throw error(key, message, example);
  }

  /** A {@link ConfigException} for {@code key} with the given message and a valid example. */
  default ConfigException error(String key, String message, String example) {
    return new ConfigException(key(key), message + "; for example: " + key(key) + "=" + example);
  }
}
