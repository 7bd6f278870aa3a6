package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.EnqueuerContract;
import dev.bugle.testkit.SettableClock;
import dev.bugle.testkit.TestSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract with the opt-in guard table: exactly once, against the real PostgreSQL. */
class DelayedJobGuardedEnqueuerIT extends EnqueuerContract {
  static final String TABLE = PostgresTables.unique("dj_guarded");
  static final String GUARD = TABLE + "_fires";

  @BeforeAll
  static void createTables() {
    PostgresTables.createJobTable(TABLE);
    PostgresTables.createGuardTable(GUARD);
  }

  @AfterAll
  static void dropTables() {
    PostgresTables.drop(TABLE, GUARD);
  }

  @Override
  protected Enqueuer newEnqueuer() {
    return new DelayedJobEnqueuerProvider().create(TestSettings.enqueuer(settings()));
  }

  private static String[] settings(String... more) {
    List<String> s = new java.util.ArrayList<>(List.of("jdbc-url", PostgresTables.URL, "username",
        PostgresTables.USER, "table", TABLE, "deduplicate", "true", "guard-table", GUARD));
    s.addAll(List.of(more));
    return s.toArray(String[]::new);
  }

  @Override
  protected Enqueuer newEnqueuerForUnreachableBackend() {
    return new DelayedJobEnqueuerProvider().create(TestSettings.enqueuer(
        "jdbc-url", "jdbc:postgresql://127.0.0.1:1/test", "connection-timeout", "500ms", "deduplicate", "true"));
  }

  @Override
  protected int timesEnqueued(JobRequest job) {
    return (int) PostgresTables.count("SELECT count(*) FROM " + TABLE + " WHERE handler LIKE ?",
        "%job_id: \"" + job.id() + "\"%");
  }

  @Test
  void withTheGuardItSaysExactlyOnce() {
    assertThat(enqueuer.deduplicates()).isTrue();
  }

  @Test
  void fireResentAfterTheWorkerRanAndDeletedItsRowIsStillNotInsertedAgain() throws Exception {
    JobRequest job = newJob();
    enqueuer.enqueue(job);
    PostgresTables.execute("DELETE FROM " + TABLE + " WHERE handler LIKE '%" + job.id() + "%'"); // what the worker does
    enqueuer.enqueue(job);
    enqueuer.enqueueAll(List.of(job, newJob()));
    assertThat(timesEnqueued(job)).isZero();
    assertThat(PostgresTables.count("SELECT count(*) FROM " + GUARD + " WHERE fire_id = ?", job.id())).isEqualTo(1);
  }

  @Test
  void fireIdsOlderThanTheRetentionArePruned() throws Exception {
    SettableClock clock = SettableClock.at("2020-01-01T00:00:00Z");
    try (Enqueuer e = new DelayedJobEnqueuerProvider().create(
        TestSettings.of("bugle.enqueuer.test.", clock, settings("guard-retention", "1d")))) {
      JobRequest old = newJob();
      e.enqueue(old);
      clock.advance(Duration.ofDays(2));
      JobRequest recent = newJob();
      e.enqueue(recent);
      assertThat(PostgresTables.count("SELECT count(*) FROM " + GUARD + " WHERE fire_id = ?", old.id())).isZero();
      assertThat(PostgresTables.count("SELECT count(*) FROM " + GUARD + " WHERE fire_id = ?", recent.id())).isOne();
    }
  }
}
