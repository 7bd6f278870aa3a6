package dev.bugle.backend.rabbitmq.internal;

import dev.bugle.core.ConfigException;
import dev.bugle.core.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the broker is: an {@code amqp://} or {@code amqps://} URI split into its parts. Parsed here rather than by
 * {@code ConnectionFactory.setUri} so that Celery's spelling of the default vhost ({@code amqp://host//}) works
 * and so that every error names the property key with the password masked.
 *
 * <p>Vhost: no path, {@code /}, {@code //} and {@code /%2F} all mean {@code /}; {@code /shop} means {@code shop}.
 */
public record AmqpUri(boolean tls, String host, int port, String virtualHost, String username, String password) {
  public static final String EXAMPLE = "amqp://guest:guest@127.0.0.1:5672/%2F";

  public AmqpUri {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(virtualHost, "virtualHost");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be in [1, 65535], got " + port);
    }
  }

  /** Parses {@code text}, the value of the full property {@code key}; errors show it with the password masked. */
  public static AmqpUri parse(String key, String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw invalid(key, text, "a URI: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
      throw invalid(key, text, "an amqp:// or amqps:// URI");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw invalid(key, text, "a URI with a host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(key, text, "a URI without ?query or #fragment (timeouts have their own settings)");
    }
    boolean tls = scheme.equals("amqps");
    int port = uri.getPort() == -1 ? (tls ? 5671 : 5672) : uri.getPort();
    if (port < 1 || port > 65535) {
      throw invalid(key, text, "a port in [1, 65535]");
    }
    String user = "guest";
    String password = "guest";
    if (uri.getRawUserInfo() != null) {
      String info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? "" : decode(info.substring(colon + 1));
    }
    return new AmqpUri(tls, uri.getHost(), port, vhost(key, text, uri.getRawPath()), user, password);
  }

  private static String vhost(String key, String text, String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/") || rawPath.equals("//")) {
      return "/";
    }
    String path = rawPath.substring(1);
    if (path.contains("/")) {
      throw invalid(key, text, "one path segment, the vhost (write the vhost '/' as %2F)");
    }
    return decode(path);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static ConfigException invalid(String key, String text, String expected) {
    return ConfigException.invalid(key, Secrets.maskUrls(text), expected, EXAMPLE);
  }

  /** The same broker with another password (from the {@code password} setting). */
  public AmqpUri withPassword(String newPassword) {
    return new AmqpUri(tls, host, port, virtualHost, username, newPassword);
  }

  /** The URI for messages and logs, with the password masked. */
  @Override
  public String toString() {
    String vh = URLEncoder.encode(virtualHost, StandardCharsets.UTF_8);
    return (tls ? "amqps" : "amqp") + "://" + username + ":" + Secrets.MASK + "@" + host + ":" + port + "/" + vh;
  }
}
