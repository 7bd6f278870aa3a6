package dev.bugle.backend.jobrunr;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A real database on 127.0.0.1 for the integration tests, with a table prefix unique to one test class so that
 * helpers testing at the same time never share JobRunr tables. Fails (never skips) when the server is missing.
 */
record TestDatabase(String name, String url, String user, boolean postgres) {

  static TestDatabase postgresql() {
    return new TestDatabase("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test", "postgres", true);
  }

  static TestDatabase mariadb() {
    return new TestDatabase("MariaDB", "jdbc:mariadb://127.0.0.1:3306/test", "root", false);
  }

  /** A fresh prefix such as {@code bugle_3f2a9c1d_}. */
  static String newPrefix() {
    return "bugle_" + UUID.randomUUID().toString().substring(0, 8) + "_";
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, "");
  }

  /** Fails the test, naming the command that provides the server, when it is not reachable. */
  void requireRunning() {
    try (Connection c = connect()) {
      c.isValid(2);
    } catch (SQLException e) {
      fail(name + " is not reachable at " + url + " as " + user + " (" + e.getMessage()
          + "); run scripts/services to install and start it");
    }
  }

  /** How many rows of JobRunr's jobs table hold this id. */
  int countJobs(String prefix, UUID id) throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("select count(*) from " + prefix + "jobrunr_jobs where id = ?")) {
      ps.setString(1, id.toString());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** One column of the job's row, or null when there is no such row. */
  String jobColumn(String prefix, UUID id, String column) throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("select " + column + " from " + prefix + "jobrunr_jobs where id = ?")) {
      ps.setString(1, id.toString());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Drops every table and view whose name starts with {@code prefix}. */
  void dropAll(String prefix) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      List<String> views = new ArrayList<>();
      List<String> tables = new ArrayList<>();
      String schema = postgres ? "current_schema()" : "database()";
      try (ResultSet rs = st.executeQuery("select table_name, table_type from information_schema.tables"
          + " where table_schema = " + schema)) {
        while (rs.next()) {
          String table = rs.getString(1);
          if (table.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
            (rs.getString(2).contains("VIEW") ? views : tables).add(table);
          }
        }
      }
      for (String view : views) {
        st.execute("drop view if exists " + view + (postgres ? " cascade" : ""));
      }
      for (String table : tables) {
        st.execute("drop table if exists " + table + (postgres ? " cascade" : ""));
      }
    }
  }
}
