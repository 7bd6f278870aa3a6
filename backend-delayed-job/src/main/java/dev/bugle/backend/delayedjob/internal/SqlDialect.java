package dev.bugle.backend.delayedjob.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What differs between the databases delayed_job runs on: the guarded insert, the guard table's check, the
 * SQLStates of a missing table or column, and the driver's timeout properties. Chosen from the JDBC URL.
 */
public interface SqlDialect {

  /** The dialect of a {@code jdbc:postgresql:} or {@code jdbc:mariadb:} URL its driver can parse, else empty. */
  static Optional<SqlDialect> forUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return org.postgresql.Driver.parseURL(jdbcUrl, null) == null ? Optional.empty()
          : Optional.of(PostgresDialect.INSTANCE);
    }
    if (jdbcUrl.startsWith("jdbc:mariadb:")) {
      try {
        return org.mariadb.jdbc.Configuration.parse(jdbcUrl) == null ? Optional.empty()
            : Optional.of(MariaDbDialect.INSTANCE);
      } catch (SQLException e) {
        return Optional.empty(); // the form is what is wrong; the caller names the key and shows an example
      }
    }
    return Optional.empty();
  }

  /** The example file under examples/delayed-job/ that creates {@code stem}'s table on this database. */
  String exampleSql(String stem);

  /** True for the SQLStates of a missing table or column. */
  boolean missingTableOrColumn(String sqlState);

  /** The driver's connection properties for these timeouts (the URL's own parameters win over them). */
  Map<String, String> driverProperties(Duration connectTimeout, Duration queryTimeout);

  /** True when even one guarded row needs a transaction (the claim and the job are two statements). */
  boolean guardedInsertNeedsTransaction();

  /**
   * Inserts each row whose fire id is not yet in {@code guardTable}, claiming the id in the same transaction,
   * so that a fire sent twice, even concurrently, is inserted once. The caller owns the transaction. Returns the
   * fire ids that were already in the guard (their rows were not inserted), or null when the driver did not say.
   */
  Set<UUID> insertGuarded(Connection c, String table, String guardTable, List<JobRow> rows) throws SQLException;

  /** Null when the guard table is usable, else what is wrong with it. */
  String guardProblem(Connection c, String guardTable) throws SQLException;

  /** What a guard check found, as {@link #guardProblem} reports it: null when nothing is missing. */
  static String guardProblem(String guardTable, boolean exists, boolean uniqueFireId, boolean fireIdHoldsUuid,
      boolean createdAt) {
    if (!exists) {
      return "table " + guardTable + " does not exist";
    }
    if (!uniqueFireId) {
      return "table " + guardTable + " has no unique index on fire_id alone";
    }
    if (!fireIdHoldsUuid) {
      return "table " + guardTable + "'s fire_id column cannot hold a 36-character UUID";
    }
    return createdAt ? null : "table " + guardTable + " has no created_at column";
  }
}
