package dev.bugle.backend.delayedjob.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlDialectTest {

  @Test
  void theUrlChoosesTheDialectAndOnlyUrlsTheDriverParsesAreAccepted() {
    assertThat(SqlDialect.forUrl("jdbc:postgresql://127.0.0.1:5432/app")).containsSame(PostgresDialect.INSTANCE);
    assertThat(SqlDialect.forUrl("jdbc:mariadb://127.0.0.1:3306/app?user=x")).containsSame(MariaDbDialect.INSTANCE);
    assertThat(SqlDialect.forUrl("jdbc:mariadb:127.0.0.1/app")).isEmpty();
    assertThat(SqlDialect.forUrl("jdbc:mysql://127.0.0.1:3306/app")).isEmpty();
    assertThat(SqlDialect.forUrl("jdbc:postgresql://h:port/db")).isEmpty();
  }

  @Test
  void pgJdbcTakesSecondsAndConnectorJMilliseconds() {
    Duration connect = Duration.ofMillis(2500);
    Duration query = Duration.ofSeconds(30);
    assertThat(PostgresDialect.INSTANCE.driverProperties(connect, query))
        .isEqualTo(Map.of("connectTimeout", "2", "socketTimeout", "30", "ApplicationName", "bugle"));
    assertThat(PostgresDialect.INSTANCE.driverProperties(Duration.ofMillis(250), query))
        .containsEntry("connectTimeout", "1");
    assertThat(MariaDbDialect.INSTANCE.driverProperties(connect, query))
        .isEqualTo(Map.of("connectTimeout", "2500", "socketTimeout", "30000"));
  }

  @Test
  void eachDatabaseHasItsOwnMissingTableAndColumnStates() {
    assertThat(PostgresDialect.INSTANCE.missingTableOrColumn("42P01")).isTrue();
    assertThat(PostgresDialect.INSTANCE.missingTableOrColumn("42703")).isTrue();
    assertThat(PostgresDialect.INSTANCE.missingTableOrColumn("42S02")).isFalse();
    assertThat(MariaDbDialect.INSTANCE.missingTableOrColumn("42S02")).isTrue();
    assertThat(MariaDbDialect.INSTANCE.missingTableOrColumn("42S22")).isTrue();
    assertThat(MariaDbDialect.INSTANCE.missingTableOrColumn("42P01")).isFalse();
    assertThat(MariaDbDialect.INSTANCE.missingTableOrColumn(null)).isFalse();
  }

  @Test
  void postgresqlKeepsItsOneStatementGuardedInsertByteForByte() {
    assertThat(PostgresDialect.guardedSql("delayed_jobs", "bugle_fires")).isEqualTo("WITH claimed AS (INSERT INTO"
        + " bugle_fires (fire_id, created_at) VALUES (?, ?) ON CONFLICT (fire_id) DO NOTHING RETURNING fire_id)"
        + " INSERT INTO delayed_jobs (priority, attempts, handler, run_at, queue, created_at, updated_at)"
        + " SELECT CAST(? AS integer), 0, CAST(? AS text), CAST(? AS timestamp), CAST(? AS varchar),"
        + " CAST(? AS timestamp), CAST(? AS timestamp) FROM claimed");
    assertThat(PostgresDialect.INSTANCE.guardedInsertNeedsTransaction()).isFalse();
    assertThat(MariaDbDialect.INSTANCE.guardedInsertNeedsTransaction()).isTrue();
    assertThat(JobInsert.sql("delayed_jobs")).isEqualTo("INSERT INTO delayed_jobs"
        + " (priority, attempts, handler, run_at, queue, created_at, updated_at) VALUES (?, 0, ?, ?, ?, ?, ?)");
  }

  @Test
  void theExampleFilesAreNamedPerDatabase() {
    assertThat(PostgresDialect.INSTANCE.exampleSql("bugle-guard")).isEqualTo("bugle-guard.sql");
    assertThat(MariaDbDialect.INSTANCE.exampleSql("bugle-guard")).isEqualTo("bugle-guard.mariadb.sql");
  }
}
