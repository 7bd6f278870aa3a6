package dev.bugle.backend.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.FirePlaceholders;
import dev.bugle.testkit.TestSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real, unmodified JobRunr {@code BackgroundJobServer} (the example worker, in its own JVM, polling every 5s) runs
 * what Bugle enqueued into PostgreSQL: typed args arrive as their classes, a custom type included, and a fire
 * enqueued twice, before and after it ran, runs once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobRunrWorkerInteropIT {
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
  private static final String JOBS = "dev.bugle.examples.jobrunr.DigestJobs";
  private final TestDatabase db = TestDatabase.postgresql();
  private final String prefix = TestDatabase.newPrefix();
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private Enqueuer enqueuer;
  private WorkerProcess worker;

  @BeforeAll
  void open() {
    db.requireRunning();
    enqueuer = new JobRunrEnqueuerProvider().create(TestSettings.enqueuer(
        "jdbc-url", db.url(), "username", db.user(), "table-prefix", prefix));
  }

  @AfterAll
  void closeAll() throws Exception {
    try {
      if (worker != null) {
        worker.close();
      }
    } finally {
      enqueuer.close();
      db.dropAll(prefix);
    }
  }

  @Test
  void workerRunsTypedJobsOnceEach() throws Exception {
    Instant at = Instant.parse("2026-01-05T09:00:00Z");
    UUID runId = UUID.randomUUID();
    JobRequest digest = request("digest", at, JOBS + "#sendWeekly",
        Arrays.asList("core-team", 42, runId.toString(), "2025-12-29T00:00:00Z", report(), null),
        Map.of("arg-types", "String,long,UUID,Instant,dev.bugle.examples.jobrunr.Report,JobContext"));
    JobRequest ping = request("ping", at, JOBS + "#ping", Arrays.asList("hello", null),
        Map.of("arg-types", "String,JobContext"));
    // Due 3s from now: stored as SCHEDULED, moved to ENQUEUED by the worker once due.
    JobRequest later = request("later", Instant.now().minusSeconds(3600), JOBS + "#ping",
        Arrays.asList("later", null), Map.of("arg-types", "String,JobContext", "delay", "3603s"));

    // The fire's time and id, typed by arg-types: as text, a long, a UUID and an Instant.
    JobRequest filled = FirePlaceholders.fire("placeholders-" + run, JOBS + "#sendWeekly", null, Arrays.asList(
        "fire {{fire_id}} at {{scheduled_at_epoch}}", "{{scheduled_at_epoch}}", "{{fire_id}}", "{{scheduled_at}}",
        report(), null), Map.of(), digest.options(), at);
    String fireId = JobRequest.idFor(TestSettings.NAMESPACE, "placeholders-" + run, at).toString();

    enqueuer.enqueue(digest);
    enqueuer.enqueueAll(List.of(digest, ping, later, filled)); // digest again: the same fire, re-sent
    assertThat(db.jobColumn(prefix, later.id(), "state")).isEqualTo("SCHEDULED");
    assertThat(db.jobColumn(prefix, digest.id(), "state")).isEqualTo("ENQUEUED");

    worker = WorkerProcess.start(db, prefix);
    List<String> lines = worker.awaitLines(l -> linesOf(l, digest).size() == 1 && linesOf(l, ping).size() == 1
        && linesOf(l, later).size() == 1 && linesOf(l, filled).size() == 1, RUN_TIMEOUT,
        "run the enqueued and the scheduled jobs");

    assertThat(linesOf(lines, digest).get(0).split("\t")).containsExactly(
        digest.id().toString(), "sendWeekly",
        "java.lang.String=core-team",
        "java.lang.Long=42",
        "java.util.UUID=" + runId,
        "java.time.Instant=2025-12-29T00:00:00Z",
        "dev.bugle.examples.jobrunr.Report=Report{title=Weekly digest – Grüße, pages=12, tags=[billing, weekly],"
            + " recipient=Recipient{email=ops@example.com, name=Zoë}}");
    assertThat(linesOf(lines, ping).get(0).split("\t")).containsExactly(ping.id().toString(), "ping",
        "java.lang.String=hello");
    assertThat(Arrays.asList(linesOf(lines, filled).get(0).split("\t")).subList(0, 6)).containsExactly(fireId,
        "sendWeekly", "java.lang.String=fire " + fireId + " at 1767603600", "java.lang.Long=1767603600",
        "java.util.UUID=" + fireId, "java.time.Instant=2026-01-05T09:00:00Z");

    // Re-sent after it ran (a new leader that missed the checkpoint): still one row, no second run.
    enqueuer.enqueue(digest);
    JobRequest sentinel = request("sentinel", at, JOBS + "#ping", Arrays.asList("sentinel", null),
        Map.of("arg-types", "String,JobContext"));
    enqueuer.enqueue(sentinel);
    lines = worker.awaitLines(l -> linesOf(l, sentinel).size() == 1, RUN_TIMEOUT, "run the sentinel job");
    assertThat(linesOf(lines, digest)).hasSize(1);
    assertThat(db.countJobs(prefix, digest.id())).isEqualTo(1);
    assertThat(db.jobColumn(prefix, digest.id(), "state")).isEqualTo("SUCCEEDED");
  }

  private JobRequest request(String schedule, Instant at, String job, List<Object> args, Map<String, String> options) {
    String name = schedule + "-" + run;
    return new JobRequest(JobRequest.idFor(TestSettings.NAMESPACE, name, at), TestSettings.NAMESPACE, name, at, job,
        null, new ArrayList<>(args), Map.of(), options);
  }

  private static Map<String, Object> report() {
    Map<String, Object> recipient = new LinkedHashMap<>();
    recipient.put("email", "ops@example.com");
    recipient.put("name", "Zoë");
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("title", "Weekly digest – Grüße");
    report.put("pages", 12);
    // A field declared as an interface (List<String>) carries JobRunr's type tag, as JobRunr itself writes it.
    report.put("tags", List.of("java.util.ArrayList", List.of("billing", "weekly")));
    report.put("recipient", recipient);
    return report;
  }

  private static List<String> linesOf(List<String> lines, JobRequest job) {
    return lines.stream().filter(l -> l.startsWith(job.id() + "\t")).toList();
  }
}
