package dev.bugle.support;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * The one classification of backend failures (docs/architecture.md, "Failure classification"). Backends pass
 * what their client reports (an exception chain, an AMQP reply code, a Redis error reply) and get a
 * {@link FailureKind}: whether to retry, and for a permanent one what to name in the message.
 */
public final class Failures {
  private Failures() {
  }

  /**
   * The kind of a JDBC or network failure: every SQLSTATE in the chain (causes and next exceptions, since a pool
   * wraps the driver's error and a batch chains the real one) and every network exception. A permanent kind wins.
   */
  public static FailureKind of(Throwable failure) {
    FailureKind kind = FailureKind.UNKNOWN;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          kind = kind.or(ofSqlState(e.getSQLState()));
          if (e.getSQLState() == null && e instanceof SQLTransientException) {
            kind = kind.or(FailureKind.BUSY);
          }
        }
      } else {
        kind = kind.or(ofNetwork(t));
      }
    }
    return kind;
  }

  /** The kind of one SQLSTATE (PostgreSQL, MariaDB and MySQL follow the standard's classes). */
  public static FailureKind ofSqlState(String state) {
    if (state == null || state.length() != 5) {
      return FailureKind.UNKNOWN;
    }
    return switch (state.substring(0, 2)) {
      case "08", "57", "58" -> FailureKind.UNAVAILABLE; // connection; operator intervention (57P01 shutdown); I/O
      case "40", "53", "55", "25" -> FailureKind.BUSY; // rollback/deadlock; resources; lock; read-only replica
      case "28" -> FailureKind.CREDENTIALS; // invalid authorization
      case "3D", "3F" -> FailureKind.MISSING; // no such database (catalog), no such schema
      case "42" -> state.equals("42501") ? FailureKind.CREDENTIALS : FailureKind.MISSING; // undefined, syntax
      case "22", "23", "0A", "54" -> FailureKind.REFUSED; // data; constraint; unsupported; limit exceeded
      default -> FailureKind.UNKNOWN;
    };
  }

  /** The kind of an AMQP 0-9-1 reply code, from a {@code connection.close} or {@code channel.close}. */
  public static FailureKind ofAmqpReplyCode(int code) {
    return switch (code) {
      case 403 -> FailureKind.CREDENTIALS; // ACCESS_REFUSED: login refused, or no permission on the resource
      case 402, 404, 530 -> FailureKind.MISSING; // INVALID_PATH, NOT_FOUND, NOT_ALLOWED (vhost missing or refused)
      case 311, 406, 540 -> FailureKind.REFUSED; // CONTENT_TOO_LARGE, PRECONDITION_FAILED, NOT_IMPLEMENTED
      case 320 -> FailureKind.UNAVAILABLE; // CONNECTION_FORCED: the broker is shutting down or closed us
      case 312, 313, 405, 506 -> FailureKind.BUSY; // NO_ROUTE, NO_CONSUMERS, RESOURCE_LOCKED, RESOURCE_ERROR
      default -> FailureKind.UNKNOWN; // 501-505 frame and protocol errors, 541 INTERNAL_ERROR
    };
  }

  /** The kind of a Redis error reply, by its first word ({@code WRONGPASS invalid username-password pair}). */
  public static FailureKind ofRedisError(String reply) {
    if (reply == null) {
      return FailureKind.UNKNOWN;
    }
    String text = reply.trim().toUpperCase(Locale.ROOT);
    String code = text.split("[\\s:]", 2)[0];
    return switch (code) {
      case "WRONGPASS", "NOAUTH", "NOPERM" -> FailureKind.CREDENTIALS;
      case "WRONGTYPE", "MOVED", "ASK", "CROSSSLOT" -> FailureKind.REFUSED; // a key's type; Cluster is unsupported
      case "LOADING", "MASTERDOWN", "READONLY", "CLUSTERDOWN", "TRYAGAIN" -> FailureKind.UNAVAILABLE;
      case "BUSY", "OOM" -> FailureKind.BUSY;
      default -> text.contains("WRONGTYPE") ? FailureKind.REFUSED // raised inside a script: ERR ... WRONGTYPE ...
          : text.contains("INVALID PASSWORD") || text.contains("CALLED WITHOUT ANY PASSWORD CONFIGURED")
              ? FailureKind.CREDENTIALS : FailureKind.UNKNOWN;
    };
  }

  /** {@link FailureKind#UNAVAILABLE} for a socket, connect, DNS or timeout exception; else {@code UNKNOWN}. */
  public static FailureKind ofNetwork(Throwable t) {
    return t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof SocketException
        || t instanceof SocketTimeoutException || t instanceof UnknownHostException || t instanceof EOFException
        || t instanceof TimeoutException ? FailureKind.UNAVAILABLE : FailureKind.UNKNOWN;
  }

  /** The first SQLSTATE in the chain (causes and next exceptions), or null. */
  public static String sqlState(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          if (e.getSQLState() != null) {
            return e.getSQLState();
          }
        }
      }
    }
    return null;
  }
}
