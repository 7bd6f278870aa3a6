package dev.bugle.backend.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.support.JobJson;
import dev.bugle.testkit.SettableClock;
import dev.bugle.testkit.TestSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the enqueuer stores in PostgreSQL, and how it fails: the row, the scheduled state, start-up checks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobRunrStorageIT {
  private final TestDatabase db = TestDatabase.postgresql();
  private final String prefix = TestDatabase.newPrefix();
  private final String missingPrefix = TestDatabase.newPrefix();
  private final SettableClock clock = SettableClock.at("2026-03-01T10:00:00.123Z");

  @BeforeAll
  void requireDatabase() {
    db.requireRunning();
  }

  @AfterAll
  void dropTables() throws Exception {
    db.dropAll(prefix);
    db.dropAll(missingPrefix);
  }

  private Enqueuer enqueuer(String tablePrefix, String... more) {
    String[] base = {"jdbc-url", db.url(), "username", db.user(), "table-prefix", tablePrefix};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return new JobRunrEnqueuerProvider().create(TestSettings.of("bugle.enqueuer.main.", clock, all));
  }

  private static JobRequest job(String schedule, List<Object> args, Map<String, String> options) {
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    String name = schedule + "-" + UUID.randomUUID();
    return new JobRequest(JobRequest.idFor("test", name, at), "test", name, at, "com.acme.DigestJobs#send", null,
        args, Map.of(), options);
  }

  @Test
  void reportsWhichJobsOfABatchWereAlreadyStored() throws Exception {
    JobRequest a = job("dup-a", List.of(), Map.of());
    JobRequest b = job("dup-b", List.of(), Map.of());
    JobRequest c = job("dup-c", List.of(), Map.of());
    try (Enqueuer e = enqueuer(prefix)) {
      assertThat(e.enqueueAllReportingDuplicates(List.of(a, b))).contains(java.util.Set.of());
      // PostgreSQL fails the whole batch on a's key: it is saved one by one, and a and b are reported.
      assertThat(e.enqueueAllReportingDuplicates(List.of(a, c, b))).contains(java.util.Set.of(a.id(), b.id()));
    }
    assertThat(db.countJobs(prefix, c.id())).isEqualTo(1);
  }

  @Test
  void storesTheJobAsJobRunrWritesIt() throws Exception {
    JobRequest job = job("row", List.of("EUR", 7, Map.of("k", "v")),
        Map.of("arg-types", "String,long,com.acme.Report", "retries", "3", "labels", "bugle,weekly"));
    try (Enqueuer e = enqueuer(prefix)) {
      e.enqueue(job);
    }
    assertThat(db.jobColumn(prefix, job.id(), "state")).isEqualTo("ENQUEUED");
    assertThat(db.jobColumn(prefix, job.id(), "jobSignature"))
        .isEqualTo("com.acme.DigestJobs.send(java.lang.String, java.lang.Long, com.acme.Report)");
    JsonNode json = JobJson.mapper().readTree(db.jobColumn(prefix, job.id(), "jobAsJson"));
    assertThat(json.get("id").asText()).isEqualTo(job.id().toString());
    assertThat(json.at("/jobDetails/className").asText()).isEqualTo("com.acme.DigestJobs");
    assertThat(json.at("/jobDetails/methodName").asText()).isEqualTo("send");
    assertThat(json.at("/jobDetails/jobParameters").toString()).isEqualTo("["
        + "{\"className\":\"java.lang.String\",\"actualClassName\":\"java.lang.String\",\"object\":\"EUR\"},"
        + "{\"className\":\"java.lang.Long\",\"actualClassName\":\"java.lang.Long\",\"object\":7},"
        + "{\"className\":\"com.acme.Report\",\"actualClassName\":\"com.acme.Report\",\"object\":{\"k\":\"v\"}}]");
    assertThat(json.at("/jobHistory/0/state").asText()).isEqualTo("ENQUEUED");
    assertThat(json.at("/jobHistory/0/createdAt").asText()).isEqualTo("2026-03-01T10:00:00.123Z"); // the clock
    assertThat(json.get("amountOfRetries").asInt()).isEqualTo(3);
    assertThat(json.get("labels").toString()).isEqualTo("[\"bugle\",\"weekly\"]");
  }

  @Test
  void delayStoresAScheduledJobDueThatLongAfterTheFire() throws Exception {
    JobRequest job = job("delay", List.of("EUR"), Map.of("delay", "90m"));
    try (Enqueuer e = enqueuer(prefix)) {
      e.enqueue(job);
    }
    assertThat(db.jobColumn(prefix, job.id(), "state")).isEqualTo("SCHEDULED");
    Timestamp due = Timestamp.valueOf(db.jobColumn(prefix, job.id(), "scheduledAt"));
    assertThat(due).isNotNull();
    JsonNode json = JobJson.mapper().readTree(db.jobColumn(prefix, job.id(), "jobAsJson"));
    assertThat(json.at("/jobHistory/0/scheduledAt").asText()).isEqualTo("2026-03-01T11:30:00Z");
  }

  @Test
  void skipCreateWithoutTablesFailsClearlyThenWorksOnceTheyExist() throws Exception {
    try (Enqueuer skip = enqueuer(missingPrefix, "database-options", "skip-create")) {
      assertThatThrownBy(skip::open)
          .isInstanceOf(dev.bugle.core.ConfigException.class)
          .hasMessageStartingWith("bugle.enqueuer.main.database-options: ")
          .hasMessageContaining(missingPrefix + "jobrunr_jobs");
      JobRequest first = job("skip", List.of("a"), Map.of());
      assertThatThrownBy(() -> skip.enqueue(first))
          .isInstanceOf(EnqueueException.class)
          .hasMessageContaining(missingPrefix + "jobrunr_jobs")
          .hasMessageContaining("bugle.enqueuer.main.database-options=skip-create")
          .satisfies(e -> assertThat(((EnqueueException) e).retryable()).isFalse());
      try (Enqueuer create = enqueuer(missingPrefix)) {
        create.enqueue(job("create", List.of("b"), Map.of()));
      }
      skip.enqueue(first); // the next use opens the storage again
      assertThat(db.countJobs(missingPrefix, first.id())).isEqualTo(1);
    }
  }

  @Test
  void aBatchStoresItsGoodJobsAndRefusesTheOthersForGood() throws Exception {
    JobRequest good = job("good", List.of("x"), Map.of());
    JobRequest bad = job("bad", java.util.Arrays.asList("x", null), Map.of()); // an undeclared null
    try (Enqueuer e = enqueuer(prefix)) {
      assertThatThrownBy(() -> e.enqueueAll(List.of(good, bad)))
          .isInstanceOf(EnqueueException.class)
          .hasMessageContaining("1 of 2 jobs refused")
          .hasMessageContaining("bugle.schedule." + bad.schedule() + ".option.arg-types")
          .satisfies(x -> assertThat(((EnqueueException) x).retryable()).isFalse());
    }
    assertThat(db.countJobs(prefix, good.id())).isEqualTo(1);
    assertThat(db.countJobs(prefix, bad.id())).isZero();
  }

  @Test
  void aMissingDatabaseIsPermanentAndNoPasswordIsShown() {
    String url = "jdbc:postgresql://127.0.0.1:5432/bugle_no_such_db?password=url-s3cret";
    try (Enqueuer e = new JobRunrEnqueuerProvider().create(TestSettings.enqueuer("jdbc-url", url,
        "username", db.user(), "password", "setting-s3cret"))) {
      assertThatThrownBy(() -> e.enqueue(job("nodb", List.of("a"), Map.of())))
          .isInstanceOf(EnqueueException.class)
          .hasMessageContaining("bugle_no_such_db")
          .hasMessageContaining("password=****")
          .hasMessageNotContaining("s3cret")
          .satisfies(x -> assertThat(((EnqueueException) x).retryable()).isFalse());
    }
  }

  @Test
  void aWrongPasswordStopsStartUpUnderThePasswordKeyInOurWords() {
    String secret = "wrong-" + UUID.randomUUID();
    try (Enqueuer e = new JobRunrEnqueuerProvider().create(TestSettings.enqueuer("jdbc-url", db.url(),
        "username", "bugle_nobody", "password", secret, "table-prefix", prefix, "connection-timeout", "2s"))) {
      dev.bugle.core.ConfigException x = org.assertj.core.api.Assertions.catchThrowableOfType(
          dev.bugle.core.ConfigException.class, e::open);
      assertThat(x).as("open() with a wrong password").isNotNull()
          .hasMessageContaining("bugle_nobody").hasMessageContaining("127.0.0.1:5432/test")
          .hasMessageNotContaining(secret).hasMessageNotContaining("bug report");
      assertThat(x.key()).isEqualTo("bugle.enqueuer.test.password");
    }
  }

  @Test
  void aMissingDatabaseStopsStartUpUnderTheUrlKey() {
    String url = "jdbc:postgresql://127.0.0.1:5432/bugle_no_such_db?password=url-s3cret";
    try (Enqueuer e = new JobRunrEnqueuerProvider().create(TestSettings.enqueuer("jdbc-url", url,
        "username", db.user(), "connection-timeout", "2s"))) {
      dev.bugle.core.ConfigException x = org.assertj.core.api.Assertions.catchThrowableOfType(
          dev.bugle.core.ConfigException.class, e::open);
      assertThat(x).as("open() against a missing database").isNotNull().hasMessageContaining("bugle_no_such_db")
          .hasMessageNotContaining("s3cret").hasMessageNotContaining("bug report");
      assertThat(x.key()).isEqualTo("bugle.enqueuer.test.jdbc-url");
    }
  }
}
