package dev.bugle.cli;

import static dev.bugle.cli.BugleProcess.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bugle pause} and {@code bugle resume} against a running node on the local lock, as an operator runs them. */
class PauseIT {
  @TempDir
  Path tmp;
  private BugleProcess node;

  @AfterEach
  void kill() {
    if (node != null) {
      node.close();
    }
  }

  private long lines(Path file) throws Exception {
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).size() : 0;
  }

  @Test
  void aPauseStopsTheFiresWithinTwoSecondsAndAResumeStartsThemAgain() throws Exception {
    Workspace ws = new Workspace(tmp);
    Path out = tmp.resolve("jobs.jsonl");
    Path config = ws.tickingConfig("bugle.enqueuer.out.type=log", "bugle.enqueuer.out.file=" + out,
        "bugle.http.port=0");
    node = BugleProcess.start(tmp, "run", config.toString());
    node.awaitStderr("enqueued 1 job\\(s\\) via 'out'", STARTUP);
    OpsHttp http = OpsHttp.of(node);

    BugleProcess pause = BugleProcess.runToEnd(tmp, Map.of(), "pause", config.toString(), "tick", "--note", "db migration");
    assertThat(pause.exitCode()).as(pause.transcript()).isZero();
    assertThat(pause.stderr()).anyMatch(l -> l.contains("paused tick") && l.contains("db migration"));
    node.awaitStderr("schedule 'tick' paused by .*: db migration", Duration.ofSeconds(2));
    TimeUnit.MILLISECONDS.sleep(1_100); // a fire already handed to its lane may still land
    long atPause = lines(out);
    node.awaitStderr("schedule 'tick': fire .* skipped while paused", Duration.ofSeconds(3));
    TimeUnit.SECONDS.sleep(2);
    assertThat(lines(out)).isEqualTo(atPause);
    OpsHttp.await("the API shows the pause", Duration.ofSeconds(5),
        () -> http.json("/api/v1/schedules").get(0).get("paused").asBoolean());
    var tick = http.json("/api/v1/schedules").get(0);
    assertThat(tick.get("pause_note").asText()).isEqualTo("db migration");
    assertThat(tick.get("paused_by").asText()).contains("@");
    assertThat(tick.get("skipped_paused").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(http.metric("bugle_fires_total{enqueuer=\"out\",outcome=\"skipped_paused\",schedule=\"tick\"}"))
        .isGreaterThanOrEqualTo(2);
    BugleProcess status = BugleProcess.runToEnd(tmp, Map.of(), "status", config.toString(), "--json");
    var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(String.join("\n", status.stdout()));
    assertThat(doc.get("schedules").get(0).get("paused").asBoolean()).as(status.transcript()).isTrue();
    assertThat(doc.get("schedules").get(0).get("pause_note").asText()).isEqualTo("db migration");

    BugleProcess resume = BugleProcess.runToEnd(tmp, Map.of(), "resume", config.toString(), "tick");
    assertThat(resume.exitCode()).as(resume.transcript()).isZero();
    node.awaitStderr("schedule 'tick' resumed", Duration.ofSeconds(2));
    OpsHttp.await("the API shows the resume", Duration.ofSeconds(5),
        () -> !http.json("/api/v1/schedules").get(0).get("paused").asBoolean());
    node.awaitStderr("enqueued 1 job\\(s\\) via 'out'", Duration.ofSeconds(3));
    TimeUnit.SECONDS.sleep(2);
    assertThat(lines(out)).isGreaterThanOrEqualTo(atPause + 2).isLessThanOrEqualTo(atPause + 4);
  }

  @Test
  void anUnknownScheduleIsExitTwoWithADidYouMean() {
    Workspace ws = new Workspace(tmp);
    Path config = ws.tickingConfig();
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), "pause", config.toString(), "tik");
    assertThat(p.exitCode()).isEqualTo(2);
    assertThat(String.join("\n", p.stderr())).contains("no schedule named 'tik'").contains("tick");
    BugleProcess none = BugleProcess.runToEnd(tmp, Map.of(), "resume", config.toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(List.of(String.join("\n", none.stderr()))).anyMatch(s -> s.contains("--all"));
  }
}
