package dev.bugle.backend.delayedjob.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL: one INSERT per job. With the guard, each job's fire id is first claimed in the guard table and the
 * job is inserted only if the claim is new (how, is the {@link SqlDialect}'s), so a fire sent twice is
 * inserted once, even after delayed_job has run the first copy and deleted its row.
 */
public final class JobTable {
  private final SqlDialect dialect;
  private final String table;
  private final String guardTable;

  /** {@code guardTable} null: no guard (at-least-once). Names are validated identifiers. */
  public JobTable(SqlDialect dialect, String table, String guardTable) {
    this.dialect = dialect;
    this.table = table;
    this.guardTable = guardTable;
  }

  /** True when these rows need a transaction even if there is only one. */
  public boolean needsTransaction(List<JobRow> rows) {
    return rows.size() > 1 || guardTable != null && dialect.guardedInsertNeedsTransaction();
  }

  /**
   * Inserts the rows (the caller owns the transaction). With the guard, returns the fire ids it already held (or
   * null when the driver did not say); without, null.
   */
  public Set<UUID> insert(Connection c, List<JobRow> rows) throws SQLException {
    if (guardTable == null) {
      JobInsert.execute(c, JobInsert.sql(table), rows, (ps, row) -> JobInsert.bindJob(ps, 1, row));
      return null;
    }
    return dialect.insertGuarded(c, table, guardTable, rows);
  }

  /** Throws (a missing table or column, see {@link SqlDialect#missingTableOrColumn}) unless every column is there. */
  public void checkJobTable(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, priority, attempts, handler, last_error, run_at,"
        + " locked_at, failed_at, locked_by, queue, created_at, updated_at FROM " + table + " WHERE false")) {
      ps.executeQuery().close();
    }
  }

  /** Null when the guard table is usable, else what is wrong with it. */
  public String guardProblem(Connection c) throws SQLException {
    return dialect.guardProblem(c, guardTable);
  }

  /** Deletes the guard's fire ids claimed before {@code before}; returns how many. */
  public int prune(Connection c, LocalDateTime before) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + guardTable + " WHERE created_at < ?")) {
      ps.setObject(1, before);
      return ps.executeUpdate();
    }
  }
}
