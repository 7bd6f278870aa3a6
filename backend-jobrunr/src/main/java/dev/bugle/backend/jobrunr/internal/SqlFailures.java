package dev.bugle.backend.jobrunr.internal;

import dev.bugle.core.EnqueueException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Sorts JobRunr storage failures into retryable ones (the database is down, busy or restarting: the scheduler
 * retries them) and permanent ones (a missing table, bad credentials, a value the database refuses).
 */
public final class SqlFailures {
  /** SQLSTATE classes that retrying cannot fix: data (22), auth (28), catalog/schema (3D, 3F), syntax/undefined (42). */
  private static final Set<String> PERMANENT_CLASSES = Set.of("22", "28", "3D", "3F", "42");
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
    if (tablesMissing(failure)) {
      return false;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          String state = e.getSQLState();
          if (state != null && state.length() >= 2 && PERMANENT_CLASSES.contains(state.substring(0, 2))) {
            return false;
          }
        }
      }
    }
    return true;
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

  static boolean tablesMissing(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(TABLES_MISSING)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null && text.length() < 600; t = t.getCause()) {
      if (t.getMessage() != null && text.indexOf(t.getMessage()) < 0) {
        text.append(text.length() == 0 ? "" : "; caused by: ").append(t.getMessage());
      }
    }
    return text.length() == 0 ? failure.getClass().getName() : text.toString();
  }
}
