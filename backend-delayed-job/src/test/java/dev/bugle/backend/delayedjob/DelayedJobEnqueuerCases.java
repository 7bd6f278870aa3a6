package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.EnqueuerContract;
import dev.bugle.testkit.SettableClock;
import dev.bugle.testkit.TestSettings;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract without the guard: at-least-once, against the real PostgreSQL. */
class DelayedJobEnqueuerIT extends EnqueuerContract {
  static final String TABLE = PostgresTables.unique("dj_contract");

  @BeforeAll
  static void createTable() {
    PostgresTables.createJobTable(TABLE);
  }

  @AfterAll
  static void dropTable() {
    PostgresTables.drop(TABLE);
  }

  @Override
  protected Enqueuer newEnqueuer() {
    return new DelayedJobEnqueuerProvider().create(TestSettings.enqueuer(
        "jdbc-url", PostgresTables.URL, "username", PostgresTables.USER, "table", TABLE));
  }

  @Override
  protected Enqueuer newEnqueuerForUnreachableBackend() {
    return new DelayedJobEnqueuerProvider().create(TestSettings.enqueuer(
        "jdbc-url", "jdbc:postgresql://127.0.0.1:1/test", "username", PostgresTables.USER,
        "connection-timeout", "500ms", "table", TABLE));
  }

  @Override
  protected int timesEnqueued(JobRequest job) {
    return (int) PostgresTables.count("SELECT count(*) FROM " + TABLE + " WHERE handler LIKE ?",
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
        "jdbc-url", PostgresTables.URL, "username", PostgresTables.USER, "table", TABLE,
        "queue", "reports", "priority", "5"))) {
      JobRequest job = newJob();
      JobRequest urgent = JobRequest.of("test", job.schedule() + "-urgent", job.scheduledAt(), "UrgentJob", "mail",
          List.of(), Map.of(), Map.of("priority", "-3"));
      e.enqueueAll(List.of(job, urgent));

      List<Object> row = PostgresTables.query("SELECT run_at, created_at, updated_at, queue, priority, attempts,"
          + " locked_at, failed_at FROM " + TABLE + " WHERE handler LIKE ?", "%" + job.id() + "%").get(0);
      LocalDateTime wall = LocalDateTime.parse("2026-03-08T07:30:00.123456");
      assertThat(row).containsExactly(ts(wall), ts(wall), ts(wall), "reports", 5, 0, null, null);
      assertThat(PostgresTables.query("SELECT queue, priority FROM " + TABLE + " WHERE handler LIKE ?",
          "%" + urgent.id() + "%")).containsExactly(List.of("mail", -3));
    }
  }

  @Test
  void activeJobRowsWithoutAQueueUseActiveJobsDefaultOthersLeaveItNull() throws Exception {
    JobRequest aj = newJob();
    JobRequest struct = JobRequest.of("test", aj.schedule() + "-s", aj.scheduledAt(), "NewsletterJob", null,
        List.of(), Map.of("text", "yes"), Map.of("handler", "struct"));
    enqueuer.enqueueAll(List.of(aj, struct));
    assertThat(PostgresTables.query("SELECT queue FROM " + TABLE + " WHERE handler LIKE ?", "%" + aj.id() + "%"))
        .containsExactly(List.of("default"));
    assertThat(PostgresTables.query("SELECT queue FROM " + TABLE + " WHERE handler LIKE ?",
        "%" + struct.id() + "%")).containsExactly(java.util.Arrays.asList((Object) null));
  }

  private static java.sql.Timestamp ts(LocalDateTime t) {
    return java.sql.Timestamp.valueOf(t);
  }
}
