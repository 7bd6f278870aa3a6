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
 * MariaDB and MySQL through MariaDB Connector/J. There is no INSERT inside a CTE, so each guarded row is two
 * statements in the caller's transaction: {@code INSERT IGNORE} claims the fire's id (it reports 0 rows, and
 * no error, when the id is already there) and the job is inserted only when the claim reported 1. InnoDB's
 * unique index makes a concurrent claim of the same id wait for the first transaction and then see its row.
 * {@code INSERT IGNORE} is used rather than {@code ON DUPLICATE KEY UPDATE}, whose count for an existing row
 * depends on the driver's {@code useAffectedRows} (1 by default, like a new row).
 */
final class MariaDbDialect implements SqlDialect {
  static final MariaDbDialect INSTANCE = new MariaDbDialect();
  private static final String GUARD_CHECK = "SELECT"
      + " EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = g.s AND table_name = g.t),"
      + " EXISTS (SELECT 1 FROM information_schema.statistics i WHERE i.table_schema = g.s AND i.table_name = g.t"
      + "   AND i.non_unique = 0 AND i.seq_in_index = 1 AND i.column_name = 'fire_id' AND i.sub_part IS NULL"
      + "   AND NOT EXISTS (SELECT 1 FROM information_schema.statistics o WHERE o.table_schema = g.s"
      + "     AND o.table_name = g.t AND o.index_name = i.index_name AND o.seq_in_index > 1)),"
      + " EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = g.s AND table_name = g.t"
      + "   AND column_name = 'fire_id' AND (character_maximum_length >= 36 OR data_type = 'uuid')),"
      + " EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = g.s AND table_name = g.t"
      + "   AND column_name = 'created_at')"
      + " FROM (SELECT COALESCE(?, DATABASE()) AS s, ? AS t) g";

  private MariaDbDialect() {
  }

  @Override
  public String exampleSql(String stem) {
    return stem + ".mariadb.sql";
  }

  /** 42S02 no such table (error 1146), 42S22 unknown column (error 1054). */
  @Override
  public boolean missingTableOrColumn(String sqlState) {
    return "42S02".equals(sqlState) || "42S22".equals(sqlState);
  }

  /** Connector/J takes both timeouts in milliseconds (Socket.connect and Socket.setSoTimeout). */
  @Override
  public Map<String, String> driverProperties(Duration connectTimeout, Duration queryTimeout) {
    return Map.of(
        "connectTimeout", String.valueOf(connectTimeout.toMillis()),
        "socketTimeout", String.valueOf(queryTimeout.toMillis()));
  }

  @Override
  public boolean guardedInsertNeedsTransaction() {
    return true;
  }

  @Override
  public Set<UUID> insertGuarded(Connection c, String table, String guardTable, List<JobRow> rows)
      throws SQLException {
    Set<UUID> there = new HashSet<>();
    try (PreparedStatement claim = c.prepareStatement(
            "INSERT IGNORE INTO " + guardTable + " (fire_id, created_at) VALUES (?, ?)");
        PreparedStatement insert = c.prepareStatement(JobInsert.sql(table))) {
      for (JobRow row : rows) {
        claim.setString(1, row.fireId().toString());
        claim.setObject(2, row.now());
        if (claim.executeUpdate() == 1) {
          JobInsert.bindJob(insert, 1, row);
          insert.executeUpdate();
        } else {
          there.add(row.fireId());
        }
      }
    }
    return there;
  }

  @Override
  public String guardProblem(Connection c, String guardTable) throws SQLException {
    int dot = guardTable.indexOf('.');
    try (PreparedStatement ps = c.prepareStatement(GUARD_CHECK)) {
      ps.setString(1, dot < 0 ? null : guardTable.substring(0, dot));
      ps.setString(2, guardTable.substring(dot + 1));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return SqlDialect.guardProblem(guardTable, rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3),
            rs.getBoolean(4));
      }
    }
  }
}
