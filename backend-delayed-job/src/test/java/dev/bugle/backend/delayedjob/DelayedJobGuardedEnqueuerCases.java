package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.BackendEnqueuerContract;
import dev.bugle.testkit.SettableClock;
import dev.bugle.testkit.TestSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The contract with the opt-in guard table: exactly once, against a real database (one subclass per database). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DelayedJobGuardedEnqueuerCases extends BackendEnqueuerContract {
  final TestDatabase db;
  final String table = TestDatabase.unique("dj_guarded");
  final String guard = table + "_fires";

  DelayedJobGuardedEnqueuerCases(TestDatabase db) {
    this.db = db;
  }

  @BeforeAll
  void createTables() {
    db.createJobTable(table);
    db.createGuardTable(guard);
  }

  @AfterAll
  void dropTables() {
    db.drop(table, guard);
  }

  @Override
  protected Enqueuer newEnqueuer() {
    return new DelayedJobEnqueuerProvider().create(TestSettings.enqueuer(settings()));
  }

  String[] settings(String... more) {
    List<String> s = new java.util.ArrayList<>(List.of("jdbc-url", db.url, "username", db.user, "table", table,
        "deduplicate", "true", "guard-table", guard));
    s.addAll(List.of(more));
    return s.toArray(String[]::new);
  }

  @Override
  protected Enqueuer newEnqueuerForUnreachableBackend() {
    return new DelayedJobEnqueuerProvider().create(TestSettings.enqueuer(
        "jdbc-url", db.unreachableUrl(), "connection-timeout", "500ms", "deduplicate", "true"));
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
    return new DelayedJobEnqueuerProvider().create(TestSettings.enqueuer(settings(with(List.of("jdbc-url", url,
        "username", user, "connection-timeout", "2s", "query-timeout", "3s"), more))));
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
  void withTheGuardItSaysExactlyOnce() {
    assertThat(enqueuer.deduplicates()).isTrue();
  }

  @Test
  void fireResentAfterTheWorkerRanAndDeletedItsRowIsStillNotInsertedAgain() throws Exception {
    JobRequest job = newJob();
    enqueuer.enqueue(job);
    db.execute("DELETE FROM " + table + " WHERE handler LIKE '%" + job.id() + "%'"); // what the worker does
    enqueuer.enqueue(job);
    enqueuer.enqueueAll(List.of(job, newJob()));
    assertThat(timesEnqueued(job)).isZero();
    assertThat(claims(job)).isEqualTo(1);
  }

  @Test
  void theSameFireTwiceInOneBatchIsInsertedOnce() throws Exception {
    JobRequest job = newJob();
    JobRequest other = newJob();
    enqueuer.enqueueAll(List.of(job, other, job));
    assertThat(timesEnqueued(job)).isOne();
    assertThat(timesEnqueued(other)).isOne();
    assertThat(claims(job)).isOne();
  }

  @Test
  void reportsTheFiresTheGuardAlreadyHeld() throws Exception {
    JobRequest a = newJob();
    JobRequest b = newJob();
    JobRequest c = newJob();
    assertThat(enqueuer.enqueueAllReportingDuplicates(List.of(a))).contains(Set.of()); // one row: one statement
    assertThat(enqueuer.enqueueAllReportingDuplicates(List.of(a))).contains(Set.of(a.id()));
    assertThat(enqueuer.enqueueAllReportingDuplicates(List.of(b, a, c, b))).contains(Set.of(a.id(), b.id()));
    assertThat(timesEnqueued(b)).isOne();
    assertThat(timesEnqueued(c)).isOne();
  }

  long claims(JobRequest job) {
    return db.count("SELECT count(*) FROM " + guard + " WHERE fire_id = ?", job.id());
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
      assertThat(claims(old)).isZero();
      assertThat(claims(recent)).isOne();
    }
  }
}
