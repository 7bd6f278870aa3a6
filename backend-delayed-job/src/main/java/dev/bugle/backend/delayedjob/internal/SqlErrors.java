package dev.bugle.backend.delayedjob.internal;

import dev.bugle.core.EnqueueException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Turns a JDBC failure into an {@link EnqueueException}. Only errors that retrying cannot fix are permanent:
 * SQLState classes 22 (data), 23 (constraint), 42 (syntax, a missing table or column, no privilege) and 0A
 * (unsupported). Everything else (no connection, a timeout, a restart, a deadlock, an unknown state) is
 * retryable, because giving up a fire that a retry would have delivered is the worse mistake.
 */
public final class SqlErrors {
  private SqlErrors() {
  }

  public static EnqueueException toEnqueueException(String what, SQLException e) {
    return new EnqueueException(what + ": " + describe(e), e, isRetryable(e));
  }

  static boolean isRetryable(SQLException e) {
    if (e instanceof SQLTransientException || e instanceof SQLRecoverableException
        || e instanceof SQLNonTransientConnectionException) {
      return true;
    }
    String state = sqlState(e);
    if (state == null || state.length() < 2) {
      return true;
    }
    return switch (state.substring(0, 2)) {
      case "22", "23", "42", "0A" -> false;
      default -> true;
    };
  }

  /** The first SQLState in the chain (a batch wraps the real error in its next exception). */
  static String sqlState(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (s.getSQLState() != null) {
        return s.getSQLState();
      }
    }
    return e.getCause() instanceof SQLException cause && cause != e ? sqlState(cause) : null;
  }

  private static String describe(SQLException e) {
    SQLException next = e.getNextException();
    String text = e.getMessage() + (next != null && next.getMessage() != null ? " (" + next.getMessage() + ")" : "");
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
      text += " (" + cause.getMessage() + ")";
    }
    return text + (sqlState(e) == null ? "" : " [SQLState " + sqlState(e) + "]");
  }
}
