package dev.bugle.backend.redis.internal;

import dev.bugle.spi.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
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

  /** {@code <namespace>:bugle:fired:} in UTF-8, for {@link #keyBytes}. */
  byte[] keyPrefix() {
    return (namespace + ":bugle:fired:").getBytes(StandardCharsets.UTF_8);
  }

  /** {@link #key(UUID)} as UTF-8 bytes, built without intermediate strings (it is made for every job). */
  static byte[] keyBytes(byte[] prefix, UUID id) {
    byte[] key = Arrays.copyOf(prefix, prefix.length + 36);
    hex(id.getMostSignificantBits(), key, prefix.length, 0);
    hex(id.getLeastSignificantBits(), key, prefix.length + 19, 16);
    return key;
  }

  /** Writes 16 hex digits of {@code bits} in the 8-4-4 (or 4-12) UUID layout starting at {@code at}. */
  private static void hex(long bits, byte[] out, int at, int offset) {
    int p = at;
    for (int i = 0; i < 16; i++) {
      int digit = (int) (bits >>> (60 - 4 * i)) & 0xf;
      out[p++] = (byte) (digit < 10 ? '0' + digit : 'a' + digit - 10);
      int n = offset + i + 1;
      if (n == 8 || n == 12 || n == 16 || n == 20) {
        out[p++] = '-';
      }
    }
  }

  /** The script's first argument: the expiry in milliseconds, or 0 for "do not deduplicate". */
  String ttlArgument() {
    return enabled ? Long.toString(ttl.toMillis()) : "0";
  }
}
