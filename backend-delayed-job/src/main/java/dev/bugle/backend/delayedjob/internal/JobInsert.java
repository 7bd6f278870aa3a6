package dev.bugle.backend.delayedjob.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** The plain INSERT of a job row, the same on every database, and how a list of rows is sent. */
final class JobInsert {
  static final String COLUMNS = "(priority, attempts, handler, run_at, queue, created_at, updated_at)";

  /** Binds a statement's parameters for one row. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps, JobRow row) throws SQLException;
  }

  private JobInsert() {
  }

  /** The unguarded INSERT of one job into {@code table} (a validated identifier). */
  static String sql(String table) {
    return "INSERT INTO " + table + " " + COLUMNS + " VALUES (?, 0, ?, ?, ?, ?, ?)";
  }

  /** Binds the six job values (priority, handler, run_at, queue, created_at, updated_at) from {@code first} on. */
  static void bindJob(PreparedStatement ps, int first, JobRow row) throws SQLException {
    int i = first;
    ps.setInt(i++, row.priority());
    ps.setString(i++, row.handler());
    ps.setObject(i++, row.now());
    if (row.queue() == null) {
      ps.setNull(i++, Types.VARCHAR);
    } else {
      ps.setString(i++, row.queue());
    }
    ps.setObject(i++, row.now());
    ps.setObject(i, row.now());
  }

  /**
   * One statement for one row, else one JDBC batch (the caller owns the transaction). Returns the update count
   * of each row's statement ({@link java.sql.Statement#SUCCESS_NO_INFO} where the driver does not say).
   */
  static int[] execute(Connection c, String sql, List<JobRow> rows, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (JobRow row : rows) {
        binder.bind(ps, row);
        if (rows.size() > 1) {
          ps.addBatch();
        }
      }
      return rows.size() > 1 ? ps.executeBatch() : new int[] {ps.executeUpdate()};
    }
  }
}
