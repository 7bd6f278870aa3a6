package dev.bugle.backend.delayedjob.internal;

import dev.bugle.backend.delayedjob.DelayedJobConfig;
import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.Secrets;
import dev.bugle.support.FailureKind;
import dev.bugle.support.Failures;
import java.sql.SQLException;

/**
 * Turns a JDBC failure into an {@link EnqueueException}, retryable or not as the shared classification says
 * ({@link Failures}: a connection problem, a restart, a deadlock or an unknown state is retried; bad credentials, a
 * missing database, table or column, a value the database refuses are not).
 */
public final class SqlErrors {
  private SqlErrors() {
  }

  /** The exception for {@code e} while doing {@code what}; {@code password} (may be null) never shows. */
  public static EnqueueException toEnqueueException(String what, SQLException e, String password) {
    return new EnqueueException(what + ": " + describe(e, password), e, isRetryable(e));
  }

  /** A permanent failure at start-up as the mistake to fix: the credentials' key, or the URL's. */
  static ConfigException atStartUp(DelayedJobConfig config, SQLException e) {
    boolean credentials = Failures.of(e) == FailureKind.CREDENTIALS;
    String key = config.key(!credentials ? "jdbc-url" : config.password() != null ? "password" : "username");
    return new ConfigException(key, "the database at " + config.displayUrl() + " refused "
        + (credentials ? "user '" + config.username() + "'" : "the connection") + ": " + describe(e, config.password())
        + "; check " + config.key("jdbc-url") + ", " + config.key("username") + " and " + config.key("password"), e);
  }

  static boolean isRetryable(SQLException e) {
    return Failures.of(e).retryable();
  }

  /** The driver's words, with the next and cause's, and the SQLState; URLs and {@code password} masked. */
  static String describe(SQLException e, String password) {
    SQLException next = e.getNextException();
    String text = e.getMessage() + (next != null && next.getMessage() != null ? " (" + next.getMessage() + ")" : "");
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
      text += " (" + cause.getMessage() + ")";
    }
    String state = Failures.sqlState(e);
    text = Secrets.maskUrls(text + (state == null ? "" : " [SQLState " + state + "]"));
    return password == null || password.isEmpty() ? text : text.replace(password, Secrets.MASK);
  }
}
