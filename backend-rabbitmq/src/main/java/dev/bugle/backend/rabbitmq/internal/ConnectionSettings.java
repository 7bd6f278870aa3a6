package dev.bugle.backend.rabbitmq.internal;

import com.rabbitmq.client.ConnectionFactory;
import dev.bugle.spi.Settings;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The connection settings both RabbitMQ enqueuers share: {@code uri}, {@code password}, {@code connection-name},
 * {@code connect-timeout}, {@code confirm-timeout}, {@code heartbeat} and {@code recovery-interval}.
 *
 * @param prefix the enqueuer's property prefix, for messages ({@code bugle.enqueuer.main.})
 * @param passwordSetting true when the password comes from the {@code password} setting, not the URI
 */
public record ConnectionSettings(String prefix, AmqpUri uri, String connectionName, Duration connectTimeout,
    Duration confirmTimeout, Duration heartbeat, Duration recoveryInterval, boolean passwordSetting) {
  public static final String DEFAULT_URI = "amqp://guest:guest@127.0.0.1:5672/%2F";

  public ConnectionSettings {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(connectionName, "connectionName");
    positive(connectTimeout, "connectTimeout");
    positive(confirmTimeout, "confirmTimeout");
    positive(recoveryInterval, "recoveryInterval");
    if (heartbeat.isNegative() || heartbeat.toSeconds() > 65_535) {
      throw new IllegalArgumentException("heartbeat must be in [0, 65535s], got " + heartbeat);
    }
  }

  /** Reads and validates every connection setting of one enqueuer; does not connect. */
  public static ConnectionSettings read(Settings s) {
    AmqpUri uri = AmqpUri.parse(s.key("uri"), s.string("uri", DEFAULT_URI, AmqpUri.EXAMPLE));
    Optional<String> password = s.secret("password");
    uri = password.map(uri::withPassword).orElse(uri);
    String name = s.string("connection-name", "bugle-" + s.namespace(), "bugle-shop");
    Duration connect = positive(s, "connect-timeout", Duration.ofSeconds(10), "10s");
    Duration confirm = positive(s, "confirm-timeout", Duration.ofSeconds(10), "10s");
    Duration heartbeat = s.durationOf("heartbeat", Duration.ofSeconds(60));
    if (heartbeat.toSeconds() > 65_535 || (heartbeat.toMillis() > 0 && heartbeat.toSeconds() == 0)) {
      throw s.error("heartbeat", "must be 0 (off) or whole seconds up to 65535s, got " + heartbeat, "60s");
    }
    Duration recovery = positive(s, "recovery-interval", Duration.ofSeconds(5), "5s");
    return new ConnectionSettings(s.prefix(), uri, name, connect, confirm, heartbeat, recovery,
        password.isPresent());
  }

  /** The full property key, for messages. */
  public String key(String relativeKey) {
    return prefix + relativeKey;
  }

  /**
   * A factory for this broker: automatic connection recovery on, every wait bounded. TLS ({@code amqps://})
   * uses the JVM's default trust store and verifies the host name.
   */
  public ConnectionFactory factory() throws NoSuchAlgorithmException {
    ConnectionFactory f = new ConnectionFactory();
    f.setHost(uri.host());
    f.setPort(uri.port());
    f.setVirtualHost(uri.virtualHost());
    f.setUsername(uri.username());
    f.setPassword(uri.password());
    if (uri.tls()) {
      f.useSslProtocol(SSLContext.getDefault());
      f.enableHostnameVerification();
    }
    f.setConnectionTimeout(millis(connectTimeout));
    f.setHandshakeTimeout(millis(connectTimeout));
    f.setChannelRpcTimeout(millis(confirmTimeout));
    f.setShutdownTimeout(millis(confirmTimeout));
    f.setRequestedHeartbeat((int) heartbeat.toSeconds());
    f.setAutomaticRecoveryEnabled(true);
    f.setTopologyRecoveryEnabled(true);
    f.setNetworkRecoveryInterval(recoveryInterval.toMillis());
    return f;
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }

  private static Duration positive(Settings s, String key, Duration defaultValue, String example) {
    Duration d = s.durationOf(key, defaultValue);
    if (d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
      throw s.error(key, "must be more than 0 and at most 24 days, got " + d, example);
    }
    return d;
  }

  private static void positive(Duration d, String name) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
