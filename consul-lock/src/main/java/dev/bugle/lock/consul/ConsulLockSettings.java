package dev.bugle.lock.consul;

import dev.bugle.core.Secrets;
import dev.bugle.core.internal.Durations;
import dev.bugle.spi.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The settings of the {@code consul} lock ({@code bugle.lock.consul.*}), read and validated in one place.
 *
 * @param address Consul's HTTP address, http or https
 * @param key the lock key; checkpoints live under {@code key + "/checkpoints"}
 * @param ttl the session TTL: Consul invalidates the session 2 × TTL after the last renew
 * @param lockDelay how long Consul refuses the key to everyone after the holder's session is invalidated
 * @param token the ACL token, or null
 * @param connectTimeout TCP connect timeout
 * @param readTimeout read timeout of non-blocking calls (blocking reads get their wait added)
 */
public record ConsulLockSettings(URI address, String key, Duration ttl, Duration lockDelay, String token,
    Duration connectTimeout, Duration readTimeout) {
  static final Duration MAX_TTL = Duration.ofHours(24);
  static final Duration MAX_LOCK_DELAY = Duration.ofSeconds(60);
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9,_.-]+(/[A-Za-z0-9,_.-]+)*");

  /**
   * Reads every {@code bugle.lock.consul.*} key; connects to nothing. A mistake is reported with
   * {@link Settings#reject} and reading goes on with the default, so all of them are reported together.
   */
  public static ConsulLockSettings read(Settings s) {
    URI address = address(s);
    String key = s.string("key", "bugle/" + s.namespace() + "/leader", "bugle/shop/leader");
    if (!KEY.matcher(key).matches() || key.contains("..")) {
      key = "bugle/" + s.namespace() + "/leader";
      s.reject("key", "must be Consul key segments of letters, digits and ,_.- separated by single slashes,"
          + " without a leading or trailing slash; got '" + key + "'", "bugle/shop/leader");
    }
    Duration minTtl = s.durationOf("session-ttl-min", Duration.ofSeconds(10));
    if (minTtl.compareTo(Duration.ofMillis(100)) < 0) {
      minTtl = Duration.ofSeconds(10);
      s.reject("session-ttl-min", "must be at least 100ms (it is the Consul server's session_ttl_min,"
          + " 10s unless the server was configured lower)", "10s");
    }
    Duration ttl = s.durationOf("ttl", Duration.ofSeconds(15));
    if (ttl.compareTo(minTtl) < 0 || ttl.compareTo(MAX_TTL) > 0) {
      s.reject("ttl", "must be between " + Durations.format(minTtl) + " (Consul's session_ttl_min, setting "
          + s.key("session-ttl-min") + ") and 24h; got " + Durations.format(ttl), "15s");
      ttl = minTtl.compareTo(Duration.ofSeconds(15)) > 0 ? minTtl : Duration.ofSeconds(15);
    }
    Duration lockDelay = s.durationOf("lock-delay", Duration.ofSeconds(15));
    if (lockDelay.compareTo(MAX_LOCK_DELAY) > 0) {
      s.reject("lock-delay", "must be at most 60s (Consul caps it there); got " + Durations.format(lockDelay),
          "15s");
      lockDelay = Duration.ofSeconds(15);
    }
    String token = s.secret("token").orElse(null);
    Duration connect = s.durationOf("connect-timeout", Duration.ofSeconds(2));
    Duration read = s.durationOf("read-timeout", Duration.ofSeconds(5));
    requireBelowTtl(s, "connect-timeout", connect, ttl);
    requireBelowTtl(s, "read-timeout", read, ttl);
    return new ConsulLockSettings(address, key, ttl, lockDelay, token, connect, read);
  }

  private static URI address(Settings s) {
    String text = s.string("address", "http://127.0.0.1:8500", "http://127.0.0.1:8500");
    try {
      URI uri = new URI(text);
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (web && uri.getHost() != null && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
          && uri.getQuery() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    s.reject("address", "must be an http:// or https:// URL with a host and no path; got '"
        + Secrets.maskUrls(text) + "'", "https://consul.internal:8501");
    return URI.create("http://127.0.0.1:8500");
  }

  private static void requireBelowTtl(Settings s, String key, Duration value, Duration ttl) {
    if (value.isZero() || value.compareTo(ttl) >= 0) {
      s.reject(key, "must be above 0 and below the ttl (" + Durations.format(ttl) + ") so that a hung call"
          + " cannot outlive the lease; got " + Durations.format(value), "2s");
    }
  }

  /** Where the last fire of each schedule is stored. */
  public String checkpointKey() {
    return key + "/checkpoints";
  }

  /** The renew period: a third of the TTL. */
  public Duration renewEvery() {
    return ttl.dividedBy(3);
  }

  /** For logs: the address with any password masked, never the token. */
  @Override
  public String toString() {
    return "consul lock " + key + " at " + Secrets.maskUrls(address.toString()) + " (ttl "
        + Durations.format(ttl) + ", lock-delay " + Durations.format(lockDelay) + ", token "
        + (token == null ? "none" : Secrets.MASK) + ")";
  }
}
