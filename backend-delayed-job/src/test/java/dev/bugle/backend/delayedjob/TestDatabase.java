package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The test PostgreSQL (127.0.0.1:5432, database {@code test}, trust) and tables made from the very SQL files
 * the docs tell users to run, under names unique to this run.
 */
final class PostgresTables {
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String USER = "postgres";
  static final String RUBY_URL = "postgres://postgres@127.0.0.1:5432/test";

  private PostgresTables() {
  }

  /** A lowercase table name unique to this run, e.g. {@code dj_contract_3f1e2d4c}. */
  static String unique(String stem) {
    return stem + "_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  }

  static Connection connect() {
    try {
      return DriverManager.getConnection(URL, USER, null);
    } catch (SQLException e) {
      return fail("PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
          + "); start it with scripts/services postgresql");
    }
  }

  /** Creates delayed_job's table from examples/delayed-job/delayed_jobs.sql under {@code table}. */
  static void createJobTable(String table) {
    execute(example("delayed_jobs.sql").replace("delayed_jobs", table));
  }

  /** Creates the opt-in guard from examples/delayed-job/bugle-guard.sql under {@code guardTable}. */
  static void createGuardTable(String guardTable) {
    execute(example("bugle-guard.sql").replace("bugle_fires", guardTable));
  }

  static void drop(String... tables) {
    for (String t : tables) {
      execute("DROP TABLE IF EXISTS " + t);
    }
  }

  static void execute(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static long count(String sql, Object... params) {
    List<List<Object>> rows = query(sql, params);
    return ((Number) rows.get(0).get(0)).longValue();
  }

  static List<List<Object>> query(String sql, Object... params) {
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(rs.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** A file of examples/delayed-job, found from the module's directory or the repository root. */
  static Path examplePath(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve("examples").resolve("delayed-job").resolve(name);
      if (Files.exists(p)) {
        return p;
      }
    }
    throw new IllegalStateException("examples/delayed-job/" + name + " not found above " + Path.of("").toAbsolutePath());
  }

  private static String example(String name) {
    try {
      return Files.readString(examplePath(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
