package dev.bugle.backend.jobrunr;

import dev.bugle.backend.jobrunr.internal.JdbcUrls;
import dev.bugle.core.ConfigException;
import dev.bugle.spi.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;

/**
 * The settings of one {@code jobrunr} enqueuer, read and checked without connecting.
 *
 * @param name             the enqueuer's name ({@code main} in {@code bugle.enqueuer.main.*}), for the pool's name
 * @param jdbcUrl          {@code jdbc:postgresql://…} or {@code jdbc:mariadb://…}
 * @param username         null to use the URL's or the driver's default
 * @param password         null when none; a secret, never logged
 * @param tablePrefix      JobRunr's table prefix (null for none), as the workers use it: {@code bugle_} or {@code jobs.}
 * @param databaseOptions  whether to run JobRunr's migrations ({@code create}), only check the tables exist
 *                         ({@code skip-create}) or neither ({@code no-validate})
 * @param connectionTimeout how long one enqueue waits for a pooled connection before failing (retryably)
 * @param poolSize         the most connections the pool opens
 */
public record JobRunrSettings(String name, String jdbcUrl, String username, String password, String tablePrefix,
    DatabaseOptions databaseOptions, Duration connectionTimeout, int poolSize) {
  static final String URL_EXAMPLE = "jdbc:postgresql://127.0.0.1:5432/jobs";
  private static final Pattern PREFIX = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)?([A-Za-z_][A-Za-z0-9_]*)?");
  private static final Map<String, DatabaseOptions> OPTIONS = Map.of(
      "create", DatabaseOptions.CREATE, "skip-create", DatabaseOptions.SKIP_CREATE,
      "no-validate", DatabaseOptions.NO_VALIDATE);

  public JobRunrSettings {
    Objects.requireNonNull(name, "name");
    JdbcUrls.requireSupported(jdbcUrl);
    Objects.requireNonNull(databaseOptions, "databaseOptions");
    if (tablePrefix != null && (tablePrefix.isEmpty() || !PREFIX.matcher(tablePrefix).matches())) {
      throw new IllegalArgumentException("tablePrefix must be letters, digits and _ with an optional 'schema.'");
    }
    if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0) {
      throw new IllegalArgumentException("connectionTimeout must be at least 250ms (HikariCP's minimum)");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1");
    }
  }

  /** Reads every setting under {@code bugle.enqueuer.NAME.}; each error names its full key and an example. */
  public static JobRunrSettings read(Settings s) {
    String url = s.string("jdbc-url", URL_EXAMPLE);
    try {
      JdbcUrls.requireSupported(url);
    } catch (IllegalArgumentException e) {
      throw ConfigException.invalid(s.key("jdbc-url"), JdbcUrls.mask(url), e.getMessage(), URL_EXAMPLE);
    }
    if (!JdbcUrls.mask(url).equals(url)) {
      s.secret("jdbc-url"); // core masks user:pw@ in URLs, not ?password=: hide the whole URL in bugle check
    }
    String username = s.find("username").orElse(null);
    String password = s.secret("password").orElse(null);
    String prefix = s.find("table-prefix").orElse(null);
    if (prefix != null && !PREFIX.matcher(prefix).matches()) {
      throw ConfigException.invalid(s.key("table-prefix"), prefix,
          "letters, digits and _ (JobRunr puts it before jobrunr_jobs), optionally after a schema name and a dot",
          "bugle_");
    }
    String option = s.oneOf("database-options", "create", OPTIONS.keySet());
    Duration timeout = s.durationOf("connection-timeout", Duration.ofSeconds(5));
    if (timeout.compareTo(Duration.ofMillis(250)) < 0) {
      throw ConfigException.invalid(s.key("connection-timeout"), timeout.toMillis() + "ms",
          "at least 250ms (HikariCP's minimum)", "5s");
    }
    int poolSize = s.intOf("pool-size", 2, 1, 50);
    return new JobRunrSettings(nameOf(s), url, username, password, prefix, OPTIONS.get(option), timeout, poolSize);
  }

  /** The URL with any password in it masked, for messages. */
  public String maskedUrl() {
    return JdbcUrls.mask(jdbcUrl);
  }

  /** The value users write for {@link #databaseOptions()}. */
  public String databaseOptionsName() {
    return OPTIONS.entrySet().stream().filter(e -> e.getValue() == databaseOptions).findFirst().orElseThrow().getKey();
  }

  @Override
  public String toString() {
    return "JobRunrSettings[" + name + ", " + maskedUrl() + ", username=" + username + ", password="
        + (password == null ? "none" : "****") + ", tablePrefix=" + tablePrefix + ", databaseOptions="
        + databaseOptionsName() + "]";
  }

  private static String nameOf(Settings s) {
    String p = s.prefix().endsWith(".") ? s.prefix().substring(0, s.prefix().length() - 1) : s.prefix();
    return p.substring(p.lastIndexOf('.') + 1);
  }
}
