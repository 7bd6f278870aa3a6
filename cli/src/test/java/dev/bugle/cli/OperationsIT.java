package dev.bugle.cli;

import static dev.bugle.cli.BugleProcess.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP endpoints of a real {@code bugle run} (docs/operations.md): status codes and JSON, metrics that match
 * the jobs the log enqueuer printed, a standby's view, a stalled loop's liveness, and no secret anywhere.
 */
class OperationsIT {
  static final String TICK_ENQUEUED = "bugle_fires_total{enqueuer=\"log\",outcome=\"enqueued\",schedule=\"tick\"}";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private final List<BugleProcess> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    started.forEach(BugleProcess::close);
  }

  private BugleProcess run(Map<String, String> env, Path config) {
    BugleProcess p = BugleProcess.start(tmp, env, "run", config.toString());
    started.add(p);
    return p;
  }

  private static List<JsonNode> tickJobs(BugleProcess p) {
    List<JsonNode> jobs = new ArrayList<>();
    for (String line : p.stdout()) {
      try {
        JsonNode n = JSON.readTree(line);
        if ("tick".equals(n.path("schedule").asText())) {
          jobs.add(n);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("not a job line: " + line, e);
      }
    }
    return jobs;
  }

  @Test
  void aLeaderServesEveryEndpointAndItsMetricsMatchThePrintedJobs() throws Exception {
    BugleProcess leader = run(Map.of(), new Workspace(tmp).tickingConfig("bugle.http.port=0"));
    OpsHttp http = OpsHttp.of(leader);
    long token = LifecycleIT.token(leader.awaitStderr(LifecycleIT.LEADING, STARTUP));
    OpsHttp.await("three tick jobs", Duration.ofSeconds(10), () -> tickJobs(leader).size() >= 3);

    assertThat(http.status("/healthz")).isEqualTo(200);
    assertThat(http.json("/healthz").get("status").asText()).isEqualTo("ok");
    assertThat(http.status("/readyz")).isEqualTo(200);

    JsonNode status = http.json("/api/v1/status");
    assertThat(status.get("state").asText()).isEqualTo("leading");
    assertThat(status.get("lock").asText()).isEqualTo("local");
    assertThat(status.get("namespace").asText()).isEqualTo(Workspace.NAMESPACE);
    assertThat(status.get("fencing_token").asLong()).isEqualTo(token);
    assertThat(status.get("node").asText()).endsWith("pid " + leader.pid());
    assertThat(status.get("leader").get("self").asBoolean()).isTrue();
    assertThat(status.get("leader").get("fencing_token").asLong()).isEqualTo(token);
    assertThat(Instant.parse(status.get("started_at").asText())).isBefore(Instant.now());
    assertThat(status.get("version").asText()).isNotBlank();
    JsonNode recent = status.get("recent_fires").get(0);
    assertThat(recent.get("schedule").asText()).isEqualTo("tick");
    assertThat(recent.get("outcome").asText()).isEqualTo("enqueued");
    assertThat(recent.get("lateness_seconds").asDouble()).isBetween(0.0, 1.0);

    JsonNode tick = http.json("/api/v1/schedules").get(0);
    assertThat(tick.get("name").asText()).isEqualTo("tick");
    assertThat(tick.get("trigger").asText()).isEqualTo("every 1s");
    assertThat(tick.get("time_zone").asText()).isEqualTo("UTC");
    assertThat(tick.get("enqueuer").asText()).isEqualTo("log");
    assertThat(tick.get("exactly_once").asBoolean()).isFalse();
    assertThat(tick.get("last_outcome").asText()).isEqualTo("enqueued");
    assertThat(Instant.parse(tick.get("next_fire").asText())).isAfter(Instant.parse(tick.get("last_fire").asText()));
    assertThat(tick.get("given_up").asLong()).isZero();

    // The counter, the lateness histogram and the last-fire gauge agree with the job lines printed at the same time.
    OpsHttp.await("bugle_fires_total equal to the printed tick jobs", Duration.ofSeconds(10), () -> {
      int before = tickJobs(leader).size();
      double counted = http.metric(TICK_ENQUEUED);
      double lateness = http.metric("bugle_fire_lateness_seconds_count{enqueuer=\"log\"}");
      double lastFire = http.metric("bugle_last_fire_timestamp_seconds{schedule=\"tick\"}");
      List<JsonNode> jobs = tickJobs(leader);
      Instant lastPrinted = Instant.parse(jobs.get(jobs.size() - 1).get("scheduled_at").asText());
      return jobs.size() == before && counted == before && lateness == before
          && lastFire == lastPrinted.toEpochMilli() / 1000.0;
    });
    assertThat(http.metric("bugle_leader")).isEqualTo(1.0);
    assertThat(http.metric("bugle_fencing_token")).isEqualTo((double) token);
    assertThat(http.metric("bugle_schedules")).isEqualTo(1.0);
    assertThat(http.metric("bugle_lease_lost_total")).isEqualTo(0.0);
    assertThat(http.metric("bugle_next_fire_timestamp_seconds{schedule=\"tick\"}"))
        .isGreaterThan(Instant.now().minusSeconds(2).getEpochSecond());
    assertThat(http.get("/metrics").body()).contains("jvm_memory_used_bytes").contains("process_uptime_seconds");

    assertThat(http.status("/")).isEqualTo(200);
    assertThat(http.get("/").headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(http.json("/api/v1/timeline").get("schedules").get(0).get("name").asText()).isEqualTo("tick");
    assertThat(http.status("/api/v1/nothing")).isEqualTo(404);
  }

  @Test
  void theQuickStartServesHttpAndLogsItsUrl() throws Exception {
    Path quickstart = Path.of("..", "examples", "quickstart.properties").toAbsolutePath().normalize();
    BugleProcess p = run(Map.of("BUGLE_HTTP_PORT", "0", "BUGLE_STATE_DIR", tmp.resolve("state").toString()),
        quickstart);
    OpsHttp http = OpsHttp.of(p);
    assertThat(http.base).matches("http://127\\.0\\.0\\.1:\\d+/");
    assertThat(http.status("/healthz")).isEqualTo(200);
    assertThat(http.json("/api/v1/schedules")).hasSize(3);
  }

  @Test
  void aReloadShowsInTheSchedulesAtOnce() throws Exception {
    Workspace ws = new Workspace(tmp);
    Path config = ws.tickingConfig("bugle.http.port=0");
    BugleProcess leader = run(Map.of(), config);
    OpsHttp http = OpsHttp.of(leader);
    leader.awaitStderr(LifecycleIT.LEADING, STARTUP);
    assertThat(http.json("/api/v1/schedules")).hasSize(1);
    ws.tickingConfig("bugle.http.port=0", "bugle.schedule.tock.every=2s", "bugle.schedule.tock.job=TockJob");
    leader.awaitStderr("reloaded: 2 schedule\\(s\\); added \\[tock\\]", Duration.ofSeconds(15));
    OpsHttp.await("tock in the API and fired", Duration.ofSeconds(10), () -> {
      JsonNode list = http.json("/api/v1/schedules");
      return list.size() == 2 && list.get(1).get("name").asText().equals("tock")
          && !list.get(1).get("last_fire").isNull();
    });
  }

  @Test
  void aStandbyReportsBugleLeaderZeroAndTheLeaderItWaitsFor() throws Exception {
    Path config = new Workspace(tmp).tickingConfig("bugle.http.port=0");
    BugleProcess leader = run(Map.of(), config);
    long token = LifecycleIT.token(leader.awaitStderr(LifecycleIT.LEADING, STARTUP));
    BugleProcess standby = run(Map.of(), config);
    OpsHttp http = OpsHttp.of(standby);
    standby.awaitStderr("standby: waiting for the local lock", STARTUP);

    OpsHttp.await("the standby names the leader", Duration.ofSeconds(10),
        () -> !http.json("/api/v1/status").get("leader").isNull());
    JsonNode status = http.json("/api/v1/status");
    assertThat(status.get("state").asText()).isEqualTo("standby");
    assertThat(status.get("fencing_token").isNull()).isTrue();
    assertThat(status.get("leader").get("holder").asText()).contains("pid " + leader.pid());
    assertThat(status.get("leader").get("fencing_token").asLong()).isEqualTo(token);
    assertThat(status.get("leader").get("self").asBoolean()).isFalse();
    assertThat(http.metric("bugle_leader")).isEqualTo(0.0);
    assertThat(http.metric("bugle_fencing_token")).isEqualTo(0.0);
    assertThat(http.status("/healthz")).as("a standby's loop is alive").isEqualTo(200);
    assertThat(http.status("/readyz")).as("a standby in touch with its lock is ready").isEqualTo(200);
    // The standby's schedule view comes from the lock's store: the leader's committed fires.
    OpsHttp.await("the standby sees the leader's last fire", Duration.ofSeconds(10),
        () -> !http.json("/api/v1/schedules").get(0).get("last_fire").isNull());
  }

  @Test
  void healthzTurns503WhileTheMainLoopIsStalledAnd200Again() throws Exception {
    Path stall = tmp.resolve("stall");
    BugleProcess leader = run(Map.of("JAVA_TOOL_OPTIONS", "-Dbugle.test.stall-file=" + stall),
        new Workspace(tmp).tickingConfig("bugle.http.port=0"));
    OpsHttp http = OpsHttp.of(leader);
    leader.awaitStderr(LifecycleIT.LEADING, STARTUP);
    OpsHttp.await("healthy while leading", Duration.ofSeconds(10), () -> http.status("/healthz") == 200);

    Files.createFile(stall);
    OpsHttp.await("/healthz 503 while stalled", Duration.ofSeconds(20), () -> http.status("/healthz") == 503);
    assertThat(http.json("/api/v1/status").get("heartbeat_age_seconds").asDouble()).isGreaterThanOrEqualTo(10.0);
    Files.delete(stall);
    OpsHttp.await("/healthz 200 once the loop runs again", Duration.ofSeconds(10),
        () -> http.status("/healthz") == 200);
  }

  @Test
  void noResponseHoldsASecretWhateverTheUrlForm() throws Exception {
    Path config = new Workspace(tmp).config("secrets", SecretConfig.LINES);
    BugleProcess leader = run(Map.of(), config);
    OpsHttp http = OpsHttp.of(leader);
    leader.awaitStderr(LifecycleIT.LEADING, STARTUP);
    OpsHttp.await("the unreachable Redis shows as a failure", Duration.ofSeconds(20),
        () -> http.json("/api/v1/schedules").get(0).get("failing").asBoolean());
    JsonNode bad = http.json("/api/v1/schedules").get(0);
    assertThat(bad.get("name").asText()).isEqualTo("bad-redis");
    assertThat(bad.get("last_error").asText()).isNotBlank();

    StringBuilder all = new StringBuilder();
    for (String path : List.of("/", "/healthz", "/readyz", "/metrics", "/api/v1/status", "/api/v1/schedules",
        "/api/v1/timeline")) {
      all.append(http.get(path).body());
    }
    for (String secret : SecretConfig.SECRETS) {
      assertThat(all.toString()).as("responses hold " + secret).doesNotContain(secret);
    }
  }
}
