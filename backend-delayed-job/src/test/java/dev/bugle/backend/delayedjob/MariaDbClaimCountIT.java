package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What MariaDB Connector/J 3.5 reports for a claim, which the guard relies on: {@code INSERT IGNORE} says 1 for
 * a new id and 0 for one already there whatever {@code useAffectedRows} is, while {@code ON DUPLICATE KEY
 * UPDATE} says 1 for both by default, which is why the guard does not use it.
 */
class MariaDbClaimCountIT {
  private static final TestDatabase DB = TestDatabase.MARIADB;
  private final String guard = TestDatabase.unique("dj_claims");

  @BeforeEach
  void create() {
    DB.createGuardTable(guard);
  }

  @AfterEach
  void drop() {
    DB.drop(guard);
  }

  @Test
  void insertIgnoreReportsOneForANewIdAndZeroForAnIdAlreadyThere() throws Exception {
    for (String affectedRows : new String[] {"false", "true"}) {
      String id = UUID.randomUUID().toString();
      String sql = "INSERT IGNORE INTO " + guard + " (fire_id, created_at) VALUES (?, CURRENT_TIMESTAMP(6))";
      assertThat(claim(sql, id, affectedRows)).as("new id, useAffectedRows=" + affectedRows).isEqualTo(1);
      assertThat(claim(sql, id, affectedRows)).as("same id, useAffectedRows=" + affectedRows).isZero();
    }
  }

  @Test
  void onDuplicateKeyUpdateCannotTellANewIdFromAnOldOneByDefault() throws Exception {
    String id = UUID.randomUUID().toString();
    String sql = "INSERT INTO " + guard + " (fire_id, created_at) VALUES (?, CURRENT_TIMESTAMP(6))"
        + " ON DUPLICATE KEY UPDATE fire_id = fire_id";
    assertThat(claim(sql, id, "false")).isEqualTo(1);
    assertThat(claim(sql, id, "false")).as("found, not changed: still 1").isEqualTo(1);
    assertThat(claim(sql, id, "true")).as("with useAffectedRows=true").isZero();
  }

  private static int claim(String sql, String id, String useAffectedRows) throws Exception {
    DB.connect().close(); // fails with the services command when MariaDB is not running
    try (Connection c = DriverManager.getConnection(DB.url + "?useAffectedRows=" + useAffectedRows, DB.user, null);
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      return ps.executeUpdate();
    }
  }
}
