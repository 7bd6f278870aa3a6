package dev.bugle.backend.delayedjob.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * PostgreSQL through PgJDBC: a guarded row is one statement whose CTE claims the fire's id
 * ({@code ON CONFLICT DO NOTHING}) and inserts the job only if the claim is new.
 */
final class PostgresDialect implements SqlDialect {
  static final PostgresDialect INSTANCE = new PostgresDialect();

  private PostgresDialect() {
  }

  @Override
  public String exampleSql(String stem) {
    return stem + ".sql";
  }

  /** 42P01 undefined_table, 42703 undefined_column. */
  @Override
  public boolean missingTableOrColumn(String sqlState) {
    return "42P01".equals(sqlState) || "42703".equals(sqlState);
  }

  /** PgJDBC takes both timeouts in seconds. */
  @Override
  public Map<String, String> driverProperties(Duration connectTimeout, Duration queryTimeout) {
    return Map.of(
        "connectTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())),
        "socketTimeout", String.valueOf(queryTimeout.toSeconds()),
        "ApplicationName", "bugle");
  }

  @Override
  public boolean guardedInsertNeedsTransaction() {
    return false;
  }

  @Override
  public Set<UUID> insertGuarded(Connection c, String table, String guardTable, List<JobRow> rows)
      throws SQLException {
    int[] inserted = JobInsert.execute(c, guardedSql(table, guardTable), rows, (ps, row) -> {
      ps.setObject(1, row.fireId());
      ps.setObject(2, row.now());
      JobInsert.bindJob(ps, 3, row);
    });
    Set<UUID> there = new HashSet<>();
    for (int i = 0; i < inserted.length; i++) {
      if (inserted[i] < 0) {
        return null; // SUCCESS_NO_INFO, e.g. with reWriteBatchedInserts=true in the URL
      }
      if (inserted[i] == 0) { // the claim found the fire id, so the job row was not inserted
        there.add(rows.get(i).fireId());
      }
    }
    return there;
  }

  static String guardedSql(String table, String guardTable) {
    return "WITH claimed AS (INSERT INTO " + guardTable + " (fire_id, created_at) VALUES (?, ?)"
        + " ON CONFLICT (fire_id) DO NOTHING RETURNING fire_id)"
        + " INSERT INTO " + table + " " + JobInsert.COLUMNS
        + " SELECT CAST(? AS integer), 0, CAST(? AS text), CAST(? AS timestamp), CAST(? AS varchar),"
        + " CAST(? AS timestamp), CAST(? AS timestamp) FROM claimed";
  }

  @Override
  public String guardProblem(Connection c, String guardTable) throws SQLException {
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
        return SqlDialect.guardProblem(guardTable, rs.getBoolean(1), rs.getBoolean(2), true, rs.getBoolean(3));
      }
    }
  }
}
