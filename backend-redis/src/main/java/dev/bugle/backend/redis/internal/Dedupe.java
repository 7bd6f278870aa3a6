package dev.bugle.backend.redis.internal;

import dev.bugle.spi.Settings;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Exactly-once settings: the dedupe key {@code <namespace>:bugle:fired:<job id>} is SET NX with this expiry
 * before a job is pushed, so a fire re-sent after a failover (same id) is not pushed again.
 *
 * @param enabled {@code dedupe}, default true
 * @param ttl {@code dedupe-ttl}, default 7 days; it must outlive the misfire window of every schedule
 * @param namespace {@code bugle.namespace}
 */
public record Dedupe(boolean enabled, Duration ttl, String namespace) {
  public static final Duration DEFAULT_TTL = Duration.ofDays(7);

  public Dedupe {
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(namespace, "namespace");
    if (ttl.toMillis() < 1000) {
      throw new IllegalArgumentException("dedupe-ttl must be at least 1s, got " + ttl);
    }
  }

  public static Dedupe read(Settings settings) {
    boolean enabled = settings.booleanOf("dedupe", true);
    Duration ttl = settings.durationOf("dedupe-ttl", DEFAULT_TTL);
    if (ttl.toMillis() < 1000) {
      throw settings.error("dedupe-ttl", "must be at least 1s (and longer than every schedule's misfire window)",
          "7d");
    }
    return new Dedupe(enabled, ttl, settings.namespace());
  }

  public String key(UUID id) {
    return namespace + ":bugle:fired:" + id;
  }

  /** The script's first argument: the expiry in milliseconds, or 0 for "do not deduplicate". */
  String ttlArgument() {
    return enabled ? Long.toString(ttl.toMillis()) : "0";
  }
}
