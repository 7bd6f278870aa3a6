package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A test database on 127.0.0.1 ({@link #POSTGRES}, {@link #MARIADB}) and tables made from the very SQL files the
 * docs tell users to run, under names unique to this run. A database that is not running fails the test with
 * the command that starts it.
 */
final class TestDatabase {
  /** PostgreSQL on 127.0.0.1:5432, database {@code test}, user postgres (trust). */
  static final TestDatabase POSTGRES = new TestDatabase("jdbc:postgresql://127.0.0.1:5432/test", "postgres",
      "postgres://postgres@127.0.0.1:5432/test", ".sql", "scripts/services postgresql",
      "CREATE TABLE %s (id bigserial, handler text)", "CREATE TABLE %s (fire_id uuid, created_at timestamp)");
  /** MariaDB on 127.0.0.1:3306, database {@code test}, user root with an empty password. */
  static final TestDatabase MARIADB = new TestDatabase("jdbc:mariadb://127.0.0.1:3306/test", "root",
      "mysql2://root@127.0.0.1:3306/test", ".mariadb.sql", "scripts/services mariadb",
      "CREATE TABLE %s (id BIGINT AUTO_INCREMENT PRIMARY KEY, handler TEXT)",
      "CREATE TABLE %s (fire_id CHAR(36), created_at DATETIME(6))");

  final String url;
  final String user;
  /** The same database as ActiveRecord's DATABASE_URL, for the Ruby worker. */
  final String rubyUrl;
  /** The suffix of examples/delayed-job/'s SQL files for this database: {@code .sql}, {@code .mariadb.sql}. */
  final String sqlSuffix;
  /** The command that installs and starts this database. */
  final String services;
  private final String foreignTable;
  private final String guardWithoutIndex;

  private TestDatabase(String url, String user, String rubyUrl, String sqlSuffix, String services,
      String foreignTable, String guardWithoutIndex) {
    this.url = url;
    this.user = user;
    this.rubyUrl = rubyUrl;
    this.sqlSuffix = sqlSuffix;
    this.services = services;
    this.foreignTable = foreignTable;
    this.guardWithoutIndex = guardWithoutIndex;
  }

  /** The port the database listens on (127.0.0.1). */
  int port() {
    return Integer.parseInt(url.replaceFirst(".*:(\\d+)/.*", "$1"));
  }

  /** The same database at another port (a proxy's). */
  String urlAtPort(int port) {
    return url.replaceFirst(":\\d+/", ":" + port + "/");
  }

  /** A JDBC URL of this database's kind where nothing listens. */
  String unreachableUrl() {
    return url.replaceFirst(":\\d+/", ":1/");
  }

  /** DDL for a table named {@code table} with some of delayed_job's columns only. */
  String foreignTableDdl(String table) {
    return String.format(foreignTable, table);
  }

  /** DDL for a guard table with both columns but without any index. */
  String guardWithoutIndexDdl(String guard) {
    return String.format(guardWithoutIndex, guard);
  }

  /** A query parameter as the driver takes it: on MariaDB a UUID as its text, as Bugle binds it. */
  private Object parameter(Object value) {
    return value instanceof UUID id && this == MARIADB ? id.toString() : value;
  }

  /** A lowercase table name unique to this run, e.g. {@code dj_contract_3f1e2d4c}. */
  static String unique(String stem) {
    return stem + "_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  }

  Connection connect() {
    try {
      return DriverManager.getConnection(url, user, null);
    } catch (SQLException e) {
      return fail(url + " is not reachable as " + user + " (" + e.getMessage() + "); start it with " + services);
    }
  }

  /** Creates delayed_job's table from examples/delayed-job/delayed_jobs[.mariadb].sql under {@code table}. */
  void createJobTable(String table) {
    execute(Examples.read("delayed_jobs" + sqlSuffix).replace("delayed_jobs", table));
  }

  /** Creates the opt-in guard from examples/delayed-job/bugle-guard[.mariadb].sql under {@code guardTable}. */
  void createGuardTable(String guardTable) {
    execute(Examples.read("bugle-guard" + sqlSuffix).replace("bugle_fires", guardTable));
  }

  void drop(String... tables) {
    for (String t : tables) {
      execute("DROP TABLE IF EXISTS " + t);
    }
  }

  /** Runs one or more statements separated by {@code ;} at line ends (comments are skipped by the server). */
  void execute(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String statement : sql.split(";\\s*\\n")) {
        if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
          s.execute(statement);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  long count(String sql, Object... params) {
    List<List<Object>> rows = query(sql, params);
    return ((Number) rows.get(0).get(0)).longValue();
  }

  /** The rows, with a time column as a LocalDateTime whichever type the driver returns. */
  List<List<Object>> query(String sql, Object... params) {
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, parameter(params[i]));
      }
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            Object value = rs.getObject(i);
            row.add(value instanceof Timestamp t ? t.toLocalDateTime() : value);
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public String toString() {
    return url;
  }
}
