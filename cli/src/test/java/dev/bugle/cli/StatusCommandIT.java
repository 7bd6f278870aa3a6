package dev.bugle.cli;

import static dev.bugle.cli.BugleProcess.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bugle status}: the lock's store read without taking the lock, with a node running and with none. */
class StatusCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private final List<BugleProcess> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    started.forEach(BugleProcess::close);
  }

  private Path config() {
    return new Workspace(tmp).tickingConfig("bugle.schedule.yearly.cron=0 0 1 1 *", "bugle.schedule.yearly.job=YearlyJob");
  }

  private BugleProcess status(Path config, String... more) {
    List<String> args = new ArrayList<>(List.of("status", config.toString()));
    args.addAll(List.of(more));
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), args.toArray(String[]::new));
    started.add(p);
    return p;
  }

  @Test
  void namesTheRunningLeaderWithoutTakingTheLock() throws Exception {
    Path config = config();
    BugleProcess leader = BugleProcess.start(tmp, "run", config.toString());
    started.add(leader);
    long token = LifecycleIT.token(leader.awaitStderr(LifecycleIT.LEADING, STARTUP));
    leader.awaitStdout("\"schedule\":\"tick\"", Duration.ofSeconds(5));

    BugleProcess text = status(config);
    assertThat(text.exitCode()).as(text.transcript()).isZero();
    assertThat(text.stdout()).anyMatch(l -> l.matches("lock local \\(namespace it\\): held by .*pid " + leader.pid()
        + ", fencing token " + token + ", since .*"));
    assertThat(text.stdout()).anyMatch(l -> l.matches("  tick: last fire \\d{4}-.* \\(committed\\); next fire .*"));
    assertThat(text.stdout()).anyMatch(l -> l.startsWith("  yearly: last fire never; next fire ")
        && l.contains("-01-01T00:00:00+00:00"));
    assertThat(leader.isAlive()).as("the leader kept its lock and runs on").isTrue();
    assertThat(leader.stderr()).noneMatch(l -> l.contains("lost"));
  }

  @Test
  void readsTheLastFiresWhenNoNodeRuns() throws Exception {
    Path config = config();
    BugleProcess leader = BugleProcess.start(tmp, "run", config.toString());
    started.add(leader);
    leader.awaitStderr(LifecycleIT.LEADING, STARTUP);
    leader.awaitStdout("\"schedule\":\"tick\"", Duration.ofSeconds(5));
    leader.sigterm();
    assertThat(leader.awaitExit(Duration.ofSeconds(10))).isZero();
    String lastPrinted = JSON.readTree(leader.stdout().get(leader.stdout().size() - 1)).get("scheduled_at").asText();

    BugleProcess json = status(config, "--json");
    assertThat(json.exitCode()).as(json.transcript()).isZero();
    JsonNode doc = JSON.readTree(String.join("\n", json.stdout()));
    assertThat(doc.get("lock").asText()).isEqualTo("local");
    assertThat(doc.get("lock_reachable").asBoolean()).isTrue();
    assertThat(doc.get("leader").isNull()).as("nobody holds the lock").isTrue();
    JsonNode tick = doc.get("schedules").get(0);
    assertThat(tick.get("name").asText()).isEqualTo("tick");
    assertThat(tick.get("last_fire").asText()).isEqualTo(lastPrinted);
    assertThat(tick.get("exactly_once").asBoolean()).isFalse();
    assertThat(tick.hasNonNull("next_fire")).isTrue();
    JsonNode yearly = doc.get("schedules").get(1);
    assertThat(yearly.get("last_fire").isNull()).as("its start-up checkpoint is not a fire").isTrue();
    // The same object as GET /api/v1/schedules.
    assertThat(tick.fieldNames()).toIterable().containsExactly("name", "trigger", "time_zone", "enqueuer",
        "exactly_once", "next_fire", "last_fire", "last_outcome", "last_outcome_at", "last_error", "last_error_at",
        "missed", "given_up", "failing", "paused", "pause_note", "paused_by", "paused_at", "skipped_paused");
  }
}
