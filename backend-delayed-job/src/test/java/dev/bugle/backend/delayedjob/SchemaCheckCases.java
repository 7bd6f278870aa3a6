package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.TestSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What first use finds out about the tables, and says clearly (one subclass per database). */
abstract class SchemaCheckCases {
  final TestDatabase db;
  final String table = TestDatabase.unique("dj_schema");
  final String guard = table + "_fires";

  SchemaCheckCases(TestDatabase db) {
    this.db = db;
  }

  @AfterEach
  void drop() {
    db.drop(table, guard);
  }

  Enqueuer enqueuer(String... more) {
    List<String> s = new java.util.ArrayList<>(List.of("jdbc-url", db.url, "username", db.user, "table", table,
        "guard-table", guard));
    s.addAll(List.of(more));
    return new DelayedJobEnqueuerProvider().create(TestSettings.enqueuer(s.toArray(String[]::new)));
  }

  static JobRequest job() {
    return JobRequest.of("test", "schema-" + System.nanoTime(), Instant.now(), "HelloJob", null, List.of("x"),
        Map.of(), Map.of());
  }

  @Test
  void aMissingDatabaseStopsStartUpNamingTheUrl() {
    String url = db.url.replace("/test", "/bugle_no_such_db");
    try (Enqueuer e = new DelayedJobEnqueuerProvider().create(TestSettings.enqueuer("jdbc-url", url,
        "username", db.user, "table", table))) {
      ConfigException x = catchThrowableOfType(ConfigException.class, e::open);
      assertThat(x).as("open() against a missing database").isNotNull().hasMessageContaining("bugle_no_such_db");
      assertThat(x.key()).isEqualTo("bugle.enqueuer.test.jdbc-url");
    }
  }

  @Test
  void aMissingJobTableStopsStartUpNamingTheTableSetting() {
    try (Enqueuer e = enqueuer()) {
      ConfigException x = catchThrowableOfType(ConfigException.class, e::open);
      assertThat(x).as("open() without the job table").isNotNull()
          .hasMessageContaining("examples/delayed-job/delayed_jobs" + db.sqlSuffix);
      assertThat(x.key()).isEqualTo("bugle.enqueuer.test.table");
    }
  }

  @Test
  void aMissingGuardStopsStartUpNamingTheDeduplicateSetting() {
    db.createJobTable(table);
    try (Enqueuer e = enqueuer("deduplicate", "true")) {
      ConfigException x = catchThrowableOfType(ConfigException.class, e::open);
      assertThat(x).as("open() without the guard table").isNotNull()
          .hasMessageContaining("examples/delayed-job/bugle-guard" + db.sqlSuffix);
      assertThat(x.key()).isEqualTo("bugle.enqueuer.test.deduplicate");
    }
  }

  @Test
  void wrongCredentialsArePermanentAtEnqueueToo() {
    String secret = "wrong-" + System.nanoTime();
    db.createJobTable(table);
    try (Enqueuer e = enqueuer("username", "bugle_nobody", "password", secret, "connection-timeout", "2s")) {
      EnqueueException x = catchThrowableOfType(EnqueueException.class, () -> e.enqueue(job()));
      assertThat(x).isNotNull().hasMessageNotContaining(secret);
      assertThat(x.retryable()).as("retrying refused credentials: %s", x.getMessage()).isFalse();
    }
  }

  @Test
  void aCompleteSchemaOpensQuietly() {
    db.createJobTable(table);
    db.createGuardTable(guard);
    try (Enqueuer e = enqueuer("deduplicate", "true")) {
      e.open();
      e.enqueue(job());
      assertThat(db.count("SELECT count(*) FROM " + table)).isOne();
    }
  }

  @Test
  void deduplicateWithoutTheMigrationFailsNamingTheSettingAndTheMigrationUntilItIsApplied() {
    db.createJobTable(table);
    try (Enqueuer e = enqueuer("deduplicate", "true")) {
      assertThatThrownBy(() -> e.enqueue(job()))
          .isInstanceOf(EnqueueException.class)
          .hasMessageContaining("bugle.enqueuer.test.deduplicate=true")
          .hasMessageContaining("table " + guard + " does not exist")
          .hasMessageContaining("examples/delayed-job/bugle-guard" + db.sqlSuffix)
          .satisfies(x -> assertThat(((EnqueueException) x).retryable()).isFalse());
      assertThat(db.count("SELECT count(*) FROM " + table)).isZero();

      db.execute(db.guardWithoutIndexDdl(guard));
      assertThatThrownBy(() -> e.enqueue(job())).hasMessageContaining("no unique index on fire_id alone");
      db.execute("CREATE UNIQUE INDEX " + guard + "_pair ON " + guard + " (fire_id, created_at)");
      assertThatThrownBy(() -> e.enqueue(job())).hasMessageContaining("no unique index on fire_id alone");

      db.drop(guard);
      db.createGuardTable(guard);
      e.enqueue(job());
      assertThat(db.count("SELECT count(*) FROM " + table)).isOne();
    }
  }

  @Test
  void missingJobTableIsAPermanentErrorThatSaysHowToCreateIt() {
    try (Enqueuer e = enqueuer()) {
      assertThatThrownBy(() -> e.enqueue(job()))
          .isInstanceOf(EnqueueException.class)
          .hasMessageContaining("table " + table)
          .hasMessageContaining("rails generate delayed_job:active_record")
          .hasMessageContaining("examples/delayed-job/delayed_jobs" + db.sqlSuffix)
          .satisfies(x -> assertThat(((EnqueueException) x).retryable()).isFalse());
    }
  }

  @Test
  void aTableWithoutDelayedJobsColumnsIsRefused() {
    db.execute(db.foreignTableDdl(table));
    try (Enqueuer e = enqueuer()) {
      assertThatThrownBy(() -> e.enqueue(job())).hasMessageContaining("is not delayed_job's table");
    }
  }
}
