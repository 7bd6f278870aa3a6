package dev.bugle.backend.delayedjob.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The SQL: one INSERT per job. With the guard, the INSERT is one statement that first claims the fire's id in
 * the guard table and inserts the job only if the claim is new, so a fire sent twice is inserted once, even
 * after delayed_job has run the first copy and deleted its row.
 */
public final class JobTable {
  private static final String COLUMNS = "(priority, attempts, handler, run_at, queue, created_at, updated_at)";
  private final String table;
  private final String guardTable;
  private final String insertSql;

  /** {@code guardTable} null: no guard (at-least-once). Names are validated identifiers. */
  public JobTable(String table, String guardTable) {
    this.table = table;
    this.guardTable = guardTable;
    this.insertSql = guardTable == null
        ? "INSERT INTO " + table + " " + COLUMNS + " VALUES (?, 0, ?, ?, ?, ?, ?)"
        : "WITH claimed AS (INSERT INTO " + guardTable + " (fire_id, created_at) VALUES (?, ?)"
            + " ON CONFLICT (fire_id) DO NOTHING RETURNING fire_id)"
            + " INSERT INTO " + table + " " + COLUMNS
            + " SELECT CAST(? AS integer), 0, CAST(? AS text), CAST(? AS timestamp), CAST(? AS varchar),"
            + " CAST(? AS timestamp), CAST(? AS timestamp) FROM claimed";
  }

  public String insertSql() {
    return insertSql;
  }

  /** Inserts the rows: one statement for one row, else one JDBC batch (the caller owns the transaction). */
  public void insert(Connection c, List<JobRow> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insertSql)) {
      for (JobRow row : rows) {
        bind(ps, row);
        if (rows.size() > 1) {
          ps.addBatch();
        }
      }
      if (rows.size() > 1) {
        ps.executeBatch();
      } else {
        ps.executeUpdate();
      }
    }
  }

  private void bind(PreparedStatement ps, JobRow row) throws SQLException {
    int i = 1;
    if (guardTable != null) {
      ps.setObject(i++, row.fireId());
      ps.setObject(i++, row.now());
    }
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

  /** Throws (SQLState 42P01 or 42703) unless the table has every column this class writes. */
  public void checkJobTable(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, priority, attempts, handler, last_error, run_at,"
        + " locked_at, failed_at, locked_by, queue, created_at, updated_at FROM " + table + " WHERE false")) {
      ps.executeQuery().close();
    }
  }

  /** Null when the guard table is usable, else what is wrong with it. */
  public String guardProblem(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL,"
        + " EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
        + " WHERE i.indrelid = to_regclass(?) AND i.indisunique AND i.indnkeyatts = 1 AND a.attname = 'fire_id'),"
        + " EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = 'created_at'"
        + " AND NOT attisdropped)")) {
      ps.setString(1, guardTable);
      ps.setString(2, guardTable);
      ps.setString(3, guardTable);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return "table " + guardTable + " does not exist";
        }
        if (!rs.getBoolean(2)) {
          return "table " + guardTable + " has no unique index on fire_id alone";
        }
        return rs.getBoolean(3) ? null : "table " + guardTable + " has no created_at column";
      }
    }
  }

  /** Deletes the guard's fire ids claimed before {@code before}; returns how many. */
  public int prune(Connection c, LocalDateTime before) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + guardTable + " WHERE created_at < ?")) {
      ps.setObject(1, before);
      return ps.executeUpdate();
    }
  }
}
