package dev.bugle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bugle.core.JobRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code bugle check}, {@code bugle enqueue} and {@code --help}, each run from the real jar as a process. */
class CommandsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  @Test
  void checkPrintsTheConfigurationWithPasswordsMasked() {
    Path config = new Workspace(tmp).config("secrets",
        "bugle.schedule.sync.every=1h",
        "bugle.schedule.sync.job=SyncJob",
        "bugle.schedule.sync.args=[\"${BUGLE_IT_BROKER_URL}\", \"redis://:s3cr3t-pw@cache.internal:6379/0\"]",
        "bugle.schedule.sync.kwargs={\"db\": \"${BUGLE_IT_DB_URL:-postgresql://app:fallback-pw@db/app}\","
            + " \"api_key\": \"${BUGLE_IT_API_KEY}\"}");
    Map<String, String> env = new HashMap<>();
    env.put("BUGLE_IT_BROKER_URL", "amqp://bugle:hunter2@broker.internal:5672/prod");
    env.put("BUGLE_IT_API_KEY", "plain-api-key-value");
    env.put("BUGLE_IT_DB_URL", null);

    BugleProcess p = BugleProcess.runToEnd(tmp, env, "check", config.toString());

    assertThat(p.exitCode()).as(p.transcript()).isZero();
    assertThat(p.stdout()).as(p.transcript()).contains(
        "configuration " + config + ": OK",
        // Values that came from the environment are shown as written, so no secret they hold is printed.
        "  bugle.schedule.sync.args=[\"${BUGLE_IT_BROKER_URL}\","
            + " \"redis://:****@cache.internal:6379/0\"]   (from the environment)",
        "  bugle.schedule.sync.kwargs={\"db\": \"${BUGLE_IT_DB_URL:-postgresql://app:****@db/app}\","
            + " \"api_key\": \"${BUGLE_IT_API_KEY}\"}   (from the environment)");
    assertThat(p.stdout()).anyMatch(l -> l.matches(
        "  sync: every 1h -> SyncJob via 'log' \\[at-least-once\\], misfire fire-once within 1h; next fire "
            + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:00:00\\+00:00"));
    String everything = String.join("\n", p.stdout()) + String.join("\n", p.stderr());
    assertThat(everything).doesNotContain("hunter2", "s3cr3t-pw", "fallback-pw", "plain-api-key-value");
    assertThat(Files.exists(new Workspace(tmp).lockDir())).as("check takes no lock").isFalse();
  }

  @Test
  void checkSaysWhichSchedulesAreEnqueuedExactlyOnceAndForHowLong() {
    Path config = new Workspace(tmp).config("delivery",
        "bugle.enqueuer.redis.type=sidekiq",
        "bugle.enqueuer.redis.dedupe-ttl=2d",
        "bugle.enqueuer.plain.type=log",
        "bugle.schedule.digest.cron=0 9 * * MON",
        "bugle.schedule.digest.job=WeeklyDigestJob",
        "bugle.schedule.digest.enqueuer=redis",
        "bugle.schedule.digest.misfire=catch-up",
        "bugle.schedule.digest.misfire-window=6h",
        "bugle.schedule.ping.every=1m",
        "bugle.schedule.ping.job=PingJob",
        "bugle.schedule.ping.enqueuer=plain");

    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), "check", config.toString());

    assertThat(p.exitCode()).as(p.transcript()).isZero();
    assertThat(p.stdout()).as(p.transcript())
        .anyMatch(l -> l.startsWith("  digest: cron '0 9 * * MON' in UTC -> WeeklyDigestJob via 'redis' [exactly once, "
            + "fire ids kept 2d (dedupe-ttl)], misfire catch-up (at most 100) within 6h; next fire "))
        .anyMatch(l -> l.startsWith("  ping: every 1m -> PingJob via 'plain' [at-least-once], misfire fire-once "
            + "within 1h; next fire "));
  }

  @Test
  void enqueueWritesOneJsonLineNowWithoutTheLock() throws Exception {
    Workspace ws = new Workspace(tmp);
    Path config = ws.config("one",
        "bugle.schedule.digest.cron=0 9 * * MON",
        "bugle.schedule.digest.job=WeeklyDigestJob",
        "bugle.schedule.digest.queue=mail",
        "bugle.schedule.digest.args=[\"all\", 7, null]",
        "bugle.schedule.digest.kwargs={\"dry_run\": false, \"fire\": \"{{fire_id}}\"}");
    Instant before = Instant.now();
    BugleProcess p;
    try (Workspace.HeldLock rival = ws.holdLock()) {
      p = BugleProcess.runToEnd(tmp, Map.of(), "enqueue", config.toString(), "digest");
    }

    assertThat(p.exitCode()).as(p.transcript()).isZero();
    assertThat(p.stdout()).as(p.transcript()).hasSize(1);
    JsonNode job = JSON.readTree(p.stdout().get(0));
    assertThat(job.path("namespace").asText()).isEqualTo(Workspace.NAMESPACE);
    assertThat(job.path("schedule").asText()).isEqualTo("digest");
    assertThat(job.path("job").asText()).isEqualTo("WeeklyDigestJob");
    assertThat(job.path("queue").asText()).isEqualTo("mail");
    assertThat(job.path("args").toString()).isEqualTo("[\"all\",7,null]");
    Instant at = Instant.parse(job.path("scheduled_at").asText());
    assertThat(at).isBetween(before.minusSeconds(1), Instant.now());
    UUID id = UUID.fromString(job.path("id").asText());
    assertThat(id).isEqualTo(JobRequest.idFor(Workspace.NAMESPACE, "digest", at));
    assertThat(job.path("kwargs").toString()).isEqualTo("{\"dry_run\":false,\"fire\":\"" + id + "\"}");
    assertThat(p.stderr()).as(p.transcript()).anyMatch(l -> l.startsWith("bugle: manual fire of schedule 'digest' "
        + "enqueued via 'log': fire id " + id + ", instant " + at + " (") && l.contains("the schedule's plan is unchanged"));
    // The rival's lock file is all there is: no checkpoint (state file or journal) was written.
    try (Stream<Path> files = Files.list(ws.lockDir())) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly(Workspace.NAMESPACE + ".lock");
    }
  }

  @Test
  void checkShowsPlaceholdersAsWrittenAndAnUnknownOneExitsTwoNamingTheKey() {
    Workspace ws = new Workspace(tmp);
    Path config = ws.config("placeholders",
        "bugle.schedule.report.every=1h",
        "bugle.schedule.report.job=ReportJob",
        "bugle.schedule.report.args=[\"{{scheduled_at}}\", \"{{scheduled_at_epoch}}\", \"ref-{{fire_id}}\"]");
    BugleProcess check = BugleProcess.runToEnd(tmp, Map.of(), "check", config.toString());
    assertThat(check.exitCode()).as(check.transcript()).isZero();
    assertThat(check.stdout()).as(check.transcript()).contains(
        "  bugle.schedule.report.args=[\"{{scheduled_at}}\", \"{{scheduled_at_epoch}}\", \"ref-{{fire_id}}\"]");

    Path bad = ws.config("unknown", "bugle.schedule.report.every=1h", "bugle.schedule.report.job=ReportJob",
        "bugle.schedule.report.kwargs={\"at\": \"{{scheduled_on}}\"}");
    BugleProcess run = BugleProcess.runToEnd(tmp, Map.of(), "run", bad.toString());
    assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
    assertThat(String.join("\n", run.stderr())).as(run.transcript()).contains("bugle.schedule.report.kwargs",
        "unknown placeholder '{{scheduled_on}}'", "{{scheduled_at}}, {{scheduled_at_epoch}}, {{fire_id}}");
    assertThat(run.stdout()).isEmpty();
  }

  @Test
  void enqueueOfAnUnknownScheduleExitsTwo() {
    Path config = new Workspace(tmp).tickingConfig();
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), "enqueue", config.toString(), "tock");

    assertThat(p.exitCode()).as(p.transcript()).isEqualTo(2);
    assertThat(p.stderr()).as(p.transcript())
        .containsExactly("bugle: configuration error: SCHEDULE: no schedule named 'tock'; configured: [tick]");
    assertThat(p.stdout()).isEmpty();
  }

  static Stream<List<String>> helpCommands() {
    return Stream.of(List.of("--help"), List.of("run", "--help"), List.of("check", "--help"),
        List.of("next", "--help"), List.of("enqueue", "--help"), List.of("backfill", "--help"), List.of("--version"));
  }

  @ParameterizedTest(name = "bugle {0}")
  @MethodSource("helpCommands")
  void helpAndVersionExitZero(List<String> args) {
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), args.toArray(String[]::new));

    assertThat(p.exitCode()).as(p.transcript()).isZero();
    String out = String.join("\n", p.stdout());
    if (args.contains("--version")) {
      assertThat(out).startsWith("bugle ");
    } else {
      String verb = args.size() == 1 ? "" : " " + args.get(0);
      assertThat(out).as(p.transcript()).startsWith("Usage: bugle" + verb + " ").contains("-h, --help");
    }
    assertThat(p.stderr()).as(p.transcript()).isEmpty();
  }
}
