package dev.bugle.backend.delayedjob;

import dev.bugle.backend.delayedjob.internal.SqlDialect;
import dev.bugle.core.ConfigException;
import dev.bugle.core.Secrets;
import dev.bugle.spi.Settings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of one {@code delayed-job} enqueuer ({@code bugle.enqueuer.NAME.*}), validated.
 *
 * @param prefix the settings' prefix ({@code bugle.enqueuer.main.}), to name keys in runtime errors
 * @param queue the row's queue when the schedule names none; null means ActiveJob's {@code default} for
 *     active-job handlers and delayed_job's own default (NULL, any worker) for the others
 * @param guardTable the table of enqueued fire ids, used only when {@code deduplicate} is true
 */
public record DelayedJobConfig(
    String prefix,
    String jdbcUrl,
    String username,
    String password,
    String table,
    int poolSize,
    Duration connectionTimeout,
    Duration queryTimeout,
    String queue,
    int priority,
    HandlerKind handler,
    boolean deduplicate,
    String guardTable,
    Duration guardRetention) {

  static final Pattern TABLE = Pattern.compile("([a-z_][a-z0-9_]*\\.)?[a-z_][a-z0-9_]*");
  static final String URL_EXAMPLE = "jdbc:postgresql://127.0.0.1:5432/app_production";

  public DelayedJobConfig {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(handler, "handler");
    requireTable(table, "table");
    requireTable(guardTable, "guardTable");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
    }
    if (connectionTimeout.toMillis() < 250 || queryTimeout.toSeconds() < 1 || guardRetention.toMinutes() < 1) {
      throw new IllegalArgumentException("timeouts too small: connection >= 250ms, query >= 1s, retention >= 1m");
    }
    if (queue != null && queue.isBlank()) {
      throw new IllegalArgumentException("queue must be null or non-blank");
    }
  }

  /** Reads and validates every setting; connects to nothing. */
  public static DelayedJobConfig from(Settings s) {
    String url = s.string("jdbc-url", URL_EXAMPLE);
    if (SqlDialect.forUrl(url).isEmpty()) {
      throw ConfigException.invalid(s.key("jdbc-url"), Secrets.maskUrls(url), "a PostgreSQL or MariaDB/MySQL JDBC"
          + " URL: jdbc:postgresql://HOST:PORT/DATABASE or jdbc:mariadb://HOST:PORT/DATABASE", URL_EXAMPLE);
    }
    if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
      s.secret("jdbc-url"); // the URL itself holds a secret: mask it wherever settings are shown
    }
    Optional<String> password = s.secret("password");
    String handlerId = s.oneOf("handler", HandlerKind.ACTIVE_JOB.id(), HandlerKind.ids());
    return new DelayedJobConfig(
        s.prefix(),
        url,
        s.find("username").orElse(null),
        password.orElse(null),
        table(s, "table", "delayed_jobs"),
        s.intOf("pool-size", 2, 1, 64),
        atLeast(s, "connection-timeout", Duration.ofSeconds(5), Duration.ofMillis(250), "5s"),
        atLeast(s, "query-timeout", Duration.ofSeconds(30), Duration.ofSeconds(1), "30s"),
        s.find("queue").orElse(null),
        s.intOf("priority", 0, Integer.MIN_VALUE, Integer.MAX_VALUE),
        HandlerKind.byId(handlerId).orElseThrow(),
        s.booleanOf("deduplicate", false),
        table(s, "guard-table", "bugle_fires"),
        atLeast(s, "guard-retention", Duration.ofDays(7), Duration.ofMinutes(1), "7d"));
  }

  /** The full key of a setting, for runtime messages: {@code key("deduplicate")}. */
  public String key(String relative) {
    return prefix + relative;
  }

  /** The JDBC URL without its parameters and with any password masked, for messages and logs. */
  public String displayUrl() {
    int q = jdbcUrl.indexOf('?');
    return Secrets.maskUrls(q < 0 ? jdbcUrl : jdbcUrl.substring(0, q));
  }

  private static String table(Settings s, String key, String defaultValue) {
    String t = s.string(key, defaultValue, defaultValue);
    if (!TABLE.matcher(t).matches()) {
      throw ConfigException.invalid(s.key(key), t,
          "a lowercase SQL table name, optionally schema-qualified (letters, digits, _)", defaultValue);
    }
    return t;
  }

  private static Duration atLeast(Settings s, String key, Duration defaultValue, Duration min, String example) {
    Duration d = s.durationOf(key, defaultValue);
    if (d.compareTo(min) < 0) {
      throw s.error(key, "must be at least " + min.toMillis() + "ms", example);
    }
    return d;
  }

  private static void requireTable(String t, String field) {
    if (t == null || !TABLE.matcher(t).matches()) {
      throw new IllegalArgumentException(field + " must be a lowercase SQL table name, got " + t);
    }
  }
}
