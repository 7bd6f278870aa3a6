package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.BackendEnqueuerContract;
import dev.bugle.testkit.SettableClock;
import dev.bugle.testkit.TestSettings;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The contract without the guard: at-least-once, against a real database (one subclass per database). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DelayedJobEnqueuerCases extends BackendEnqueuerContract {
  private final TestDatabase db;
  private final String table = TestDatabase.unique("dj_contract");

  DelayedJobEnqueuerCases(TestDatabase db) {
    this.db = db;
  }

  @BeforeAll
  void createTable() {
    db.createJobTable(table);
  }

  @AfterAll
  void dropTable() {
    db.drop(table);
  }

  @Override
  protected Enqueuer newEnqueuer() {
    return new DelayedJobEnqueuerProvider().create(TestSettings.enqueuer(
        "jdbc-url", db.url, "username", db.user, "table", table));
  }

  @Override
  protected Enqueuer newEnqueuerForUnreachableBackend() {
    return new DelayedJobEnqueuerProvider().create(TestSettings.enqueuer(
        "jdbc-url", db.unreachableUrl(), "username", db.user, "connection-timeout", "500ms", "table", table));
  }

  @Override
  protected Misconfigured newEnqueuerWithWrongCredentials() {
    String secret = "wrong-" + java.util.UUID.randomUUID();
    return new Misconfigured(create(db.url, "bugle_nobody", "password", secret), "bugle.enqueuer.test.password",
        secret);
  }

  @Override
  protected int backendPort() {
    return db.port();
  }

  @Override
  protected Enqueuer newEnqueuerAt(int port) {
    return create(db.urlAtPort(port), db.user);
  }

  private Enqueuer create(String url, String user, String... more) {
    return new DelayedJobEnqueuerProvider().create(TestSettings.enqueuer(with(List.of("jdbc-url", url, "username",
        user, "table", table, "connection-timeout", "2s", "query-timeout", "3s"), more)));
  }

  private static String[] with(List<String> settings, String... more) {
    List<String> all = new java.util.ArrayList<>(settings);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Override
  protected int timesEnqueued(JobRequest job) {
    return (int) db.count("SELECT count(*) FROM " + table + " WHERE handler LIKE ?",
        "%job_id: \"" + job.id() + "\"%");
  }

  @Test
  void withoutTheGuardItSaysAtLeastOnce() {
    assertThat(enqueuer.deduplicates()).isFalse();
  }

  @Test
  void rowHoldsUtcWallTimesFromTheInjectedClockAndTheConfiguredQueueAndPriority() throws Exception {
    SettableClock clock = SettableClock.at("2026-03-08T07:30:00.123456789Z");
    try (Enqueuer e = new DelayedJobEnqueuerProvider().create(TestSettings.of("bugle.enqueuer.test.", clock,
        "jdbc-url", db.url, "username", db.user, "table", table, "queue", "reports", "priority", "5"))) {
      JobRequest job = newJob();
      JobRequest urgent = JobRequest.of("test", job.schedule() + "-urgent", job.scheduledAt(), "UrgentJob", "mail",
          List.of(), Map.of(), Map.of("priority", "-3"));
      e.enqueueAll(List.of(job, urgent));

      List<Object> row = db.query("SELECT run_at, created_at, updated_at, queue, priority, attempts,"
          + " locked_at, failed_at FROM " + table + " WHERE handler LIKE ?", "%" + job.id() + "%").get(0);
      LocalDateTime wall = LocalDateTime.parse("2026-03-08T07:30:00.123456");
      assertThat(row).containsExactly(wall, wall, wall, "reports", 5, 0, null, null);
      assertThat(db.query("SELECT queue, priority FROM " + table + " WHERE handler LIKE ?",
          "%" + urgent.id() + "%")).containsExactly(List.of("mail", -3));
    }
  }

  @Test
  void activeJobRowsWithoutAQueueUseActiveJobsDefaultOthersLeaveItNull() throws Exception {
    JobRequest aj = newJob();
    JobRequest struct = JobRequest.of("test", aj.schedule() + "-s", aj.scheduledAt(), "NewsletterJob", null,
        List.of(), Map.of("text", "yes"), Map.of("handler", "struct"));
    enqueuer.enqueueAll(List.of(aj, struct));
    assertThat(db.query("SELECT queue FROM " + table + " WHERE handler LIKE ?", "%" + aj.id() + "%"))
        .containsExactly(List.of("default"));
    assertThat(db.query("SELECT queue FROM " + table + " WHERE handler LIKE ?",
        "%" + struct.id() + "%")).containsExactly(java.util.Arrays.asList((Object) null));
  }
}
