package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
