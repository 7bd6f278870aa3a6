package dev.bugle.backend.redis.internal;

import dev.bugle.core.ConfigException;
import dev.bugle.core.Secrets;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A parsed {@code redis://[user:password@]host[:port][/db]} or {@code rediss://…} (TLS) address. Its
 * {@link #toString()} masks the password, so it can go into any message.
 */
public record RedisUrl(boolean tls, String host, int port, String user, String password, int database) {
  public static final String EXAMPLE = "redis://127.0.0.1:6379/0";
  private static final String EXPECTED = "redis://[user:password@]host[:port][/db] or rediss://… for TLS"
      + " (percent-encode the password, or set it apart in the password setting)";

  public RedisUrl {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must be non-blank");
    }
    if (port < 1 || port > 65535 || database < 0) {
      throw new IllegalArgumentException("port must be in [1, 65535] and database >= 0");
    }
  }

  /** Parses {@code value}; a {@link ConfigException} names {@code fullKey}, with the password masked. */
  public static RedisUrl parse(String fullKey, String value) {
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (URISyntaxException e) {
      throw invalid(fullKey, value);
    }
    String scheme = uri.getScheme();
    if (!"redis".equals(scheme) && !"rediss".equals(scheme) || uri.getHost() == null) {
      throw invalid(fullKey, value);
    }
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
        : uri.getHost();
    String user = null;
    String password = null;
    String info = uri.getUserInfo();
    if (info != null && !info.isEmpty()) {
      int colon = info.indexOf(':');
      user = colon < 0 ? info : info.substring(0, colon);
      password = colon < 0 ? null : info.substring(colon + 1);
      user = user.isEmpty() ? null : user;
      password = password == null || password.isEmpty() ? null : password;
    }
    int database = 0;
    String path = uri.getPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      try {
        database = Integer.parseInt(path.substring(1));
      } catch (NumberFormatException e) {
        throw invalid(fullKey, value);
      }
    }
    if (database < 0 || uri.getQuery() != null || uri.getFragment() != null) {
      throw invalid(fullKey, value);
    }
    return new RedisUrl("rediss".equals(scheme), host, uri.getPort() < 0 ? 6379 : uri.getPort(), user,
        password, database);
  }

  /** The same address with another password (the {@code password} setting wins over the URL's). */
  public RedisUrl withPassword(String newPassword) {
    return new RedisUrl(tls, host, port, user, newPassword, database);
  }

  private static ConfigException invalid(String fullKey, String value) {
    return ConfigException.invalid(fullKey, Secrets.maskUrls(value), EXPECTED, EXAMPLE);
  }

  @Override
  public String toString() {
    String auth = user == null && password == null ? ""
        : (user == null ? "" : user) + (password == null ? "" : ":" + Secrets.MASK) + "@";
    String h = host.contains(":") ? "[" + host + "]" : host;
    return (tls ? "rediss" : "redis") + "://" + auth + h + ":" + port + "/" + database;
  }
}
