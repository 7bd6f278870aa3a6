package dev.bugle.backend.redis.internal;

import dev.bugle.spi.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Redis: {@code redis-url}, {@code password} (a secret; overrides the URL's), {@code pool-size},
 * {@code connect-timeout} and {@code timeout} (socket reads).
 */
public record ConnectionSettings(RedisUrl url, int poolSize, Duration connectTimeout, Duration timeout) {

  public ConnectionSettings {
    Objects.requireNonNull(url, "url");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1");
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero() || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }

  public static ConnectionSettings read(Settings settings) {
    RedisUrl url = RedisUrl.parse(settings.key("redis-url"),
        settings.string("redis-url", RedisUrl.EXAMPLE, RedisUrl.EXAMPLE));
    url = settings.secret("password").map(url::withPassword).orElse(url);
    int poolSize = settings.intOf("pool-size", 4, 1, 256);
    Duration connectTimeout = positive(settings, "connect-timeout", Duration.ofSeconds(2));
    Duration timeout = positive(settings, "timeout", Duration.ofSeconds(5));
    return new ConnectionSettings(url, poolSize, connectTimeout, timeout);
  }

  private static Duration positive(Settings settings, String key, Duration defaultValue) {
    Duration d = settings.durationOf(key, defaultValue);
    if (d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
      throw settings.error(key, "must be more than 0 and at most 24d", "5s");
    }
    return d;
  }
}
