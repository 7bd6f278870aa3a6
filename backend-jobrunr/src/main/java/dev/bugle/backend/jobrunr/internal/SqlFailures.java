package dev.bugle.backend.jobrunr.internal;

import dev.bugle.backend.jobrunr.JobRunrSettings;
import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;
import dev.bugle.support.FailureKind;
import dev.bugle.support.Failures;
import java.sql.SQLException;

/**
 * Sorts JobRunr storage failures into retryable ones (the database is down, busy or restarting: the scheduler
 * retries them) and permanent ones (a missing table, bad credentials, a value the database refuses), as the shared
 * {@link Failures} classifies SQLSTATEs, and words them without JobRunr's own wrappers.
 */
public final class SqlFailures {
  /** JobRunr's message when {@code SKIP_CREATE} finds its tables missing (DatabaseCreator.validateTables). */
  static final String TABLES_MISSING = "Not all required tables are available by JobRunr";

  private final String where;
  private final String password;

  /** {@code where} names the storage in messages (a masked URL); {@code password} is masked out of them. */
  public SqlFailures(String where, String password) {
    this.where = where;
    this.password = password;
  }

  /** An {@link EnqueueException} for {@code failure} while doing {@code what}; never shows the password. */
  public EnqueueException of(String what, Throwable failure) {
    String message = what + " failed (JobRunr storage " + where + "): " + describe(failure);
    return new EnqueueException(JdbcUrls.mask(message, password), failure, isRetryable(failure));
  }

  /**
   * True unless the failure is one that retrying cannot fix: JobRunr's tables are missing, or some SQL error in the
   * chain (HikariCP wraps the driver's in a transient "connection is not available") has a permanent SQLSTATE.
   */
  public static boolean isRetryable(Throwable failure) {
    return !tablesMissing(failure) && Failures.of(failure).retryable();
  }

  /**
   * For {@code open()}: a permanent failure to open the storage as the setting to fix, in our words (JobRunr's own
   * wrapper asks for a bug report): the credentials' key, else the URL's.
   */
  public static ConfigException atStartUp(JobRunrSettings settings, EnqueueException failure) {
    String prefix = "bugle.enqueuer." + settings.name() + ".";
    boolean credentials = Failures.of(failure.getCause()) == FailureKind.CREDENTIALS;
    String key = prefix + (!credentials ? "jdbc-url" : settings.password() != null ? "password" : "username");
    String what = credentials ? "refused user '" + settings.username() + "'" : "cannot be used as JobRunr's storage";
    String message = "the database at " + settings.maskedUrl() + " " + what + ": " + describe(failure.getCause())
        + "; check " + prefix + "jdbc-url, " + prefix + "username and " + prefix + "password";
    return new ConfigException(key, JdbcUrls.mask(message, settings.password()), failure);
  }

  /** True when the failure is a unique-key violation: the job's id is already stored. */
  public static boolean isDuplicateKey(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** True when JobRunr reports its tables missing ({@code skip-create}). */
  public static boolean tablesMissing(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(TABLES_MISSING)) {
        return true;
      }
    }
    return false;
  }

  /** The messages of the chain from its first SQL error on (JobRunr's wrappers above it say nothing useful). */
  private static String describe(Throwable failure) {
    Throwable from = failure;
    while (from != null && !(from instanceof SQLException)) {
      from = from.getCause();
    }
    String state = Failures.sqlState(failure);
    return describeFrom(from == null ? failure : from) + (state == null ? "" : " [SQLState " + state + "]");
  }

  private static String describeFrom(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null && text.length() < 600; t = t.getCause()) {
      if (t.getMessage() != null && text.indexOf(t.getMessage()) < 0) {
        text.append(text.length() == 0 ? "" : "; caused by: ").append(t.getMessage());
      }
    }
    return text.length() == 0 ? failure.getClass().getName() : text.toString();
  }
}
