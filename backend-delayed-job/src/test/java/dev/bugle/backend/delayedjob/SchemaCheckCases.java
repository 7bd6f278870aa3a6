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

/** What first use finds out about the tables, and says clearly. */
class SchemaCheckIT {
  private final String table = PostgresTables.unique("dj_schema");
  private final String guard = table + "_fires";

  @AfterEach
  void drop() {
    PostgresTables.drop(table, guard);
  }

  private Enqueuer enqueuer(String... more) {
    List<String> s = new java.util.ArrayList<>(List.of("jdbc-url", PostgresTables.URL, "username",
        PostgresTables.USER, "table", table, "guard-table", guard));
    s.addAll(List.of(more));
    return new DelayedJobEnqueuerProvider().create(TestSettings.enqueuer(s.toArray(String[]::new)));
  }

  private static JobRequest job() {
    return JobRequest.of("test", "schema-" + System.nanoTime(), Instant.now(), "HelloJob", null, List.of("x"),
        Map.of(), Map.of());
  }

  @Test
  void deduplicateWithoutTheMigrationFailsNamingTheSettingAndTheMigrationUntilItIsApplied() {
    PostgresTables.createJobTable(table);
    try (Enqueuer e = enqueuer("deduplicate", "true")) {
      assertThatThrownBy(() -> e.enqueue(job()))
          .isInstanceOf(EnqueueException.class)
          .hasMessageContaining("bugle.enqueuer.test.deduplicate=true")
          .hasMessageContaining("table " + guard + " does not exist")
          .hasMessageContaining("examples/delayed-job/bugle-guard.sql")
          .satisfies(x -> assertThat(((EnqueueException) x).retryable()).isFalse());
      assertThat(PostgresTables.count("SELECT count(*) FROM " + table)).isZero();

      PostgresTables.execute("CREATE TABLE " + guard + " (fire_id uuid, created_at timestamp)");
      assertThatThrownBy(() -> e.enqueue(job())).hasMessageContaining("no unique index on fire_id");

      PostgresTables.drop(guard);
      PostgresTables.createGuardTable(guard);
      e.enqueue(job());
      assertThat(PostgresTables.count("SELECT count(*) FROM " + table)).isOne();
    }
  }

  @Test
  void missingJobTableIsAPermanentErrorThatSaysHowToCreateIt() {
    try (Enqueuer e = enqueuer()) {
      assertThatThrownBy(() -> e.enqueue(job()))
          .isInstanceOf(EnqueueException.class)
          .hasMessageContaining("table " + table)
          .hasMessageContaining("rails generate delayed_job:active_record")
          .satisfies(x -> assertThat(((EnqueueException) x).retryable()).isFalse());
    }
  }

  @Test
  void aTableWithoutDelayedJobsColumnsIsRefused() {
    PostgresTables.execute("CREATE TABLE " + table + " (id bigserial, handler text)");
    try (Enqueuer e = enqueuer()) {
      assertThatThrownBy(() -> e.enqueue(job())).hasMessageContaining("is not delayed_job's table");
    }
  }
}
