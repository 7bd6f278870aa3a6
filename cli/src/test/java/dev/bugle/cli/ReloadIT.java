package dev.bugle.cli;

import static dev.bugle.cli.BugleProcess.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reload without a restart, against the real jar: the file is rewritten (atomically, as an editor or a ConfigMap
 * swap does) or SIGHUP is sent, and the node re-plans on the same lease. A bad file or a lock change is refused
 * and the old configuration keeps firing.
 */
class ReloadIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path tmp;
  private BugleProcess bugle;

  @AfterEach
  void kill() {
    if (bugle != null) {
      bugle.close();
    }
  }

  private Path out() {
    return tmp.resolve("jobs.jsonl");
  }

  private String[] config(String... schedules) {
    List<String> lines = new ArrayList<>(List.of("bugle.enqueuer.out.type=log", "bugle.http.port=0",
        "bugle.enqueuer.out.file=" + out().toString().replace("\\", "/")));
    for (String s : schedules) {
      lines.add("bugle.schedule." + s + ".every=1s");
      lines.add("bugle.schedule." + s + ".job=" + s + "Job");
    }
    return lines.toArray(String[]::new);
  }

  /** Replaces the file in one rename, as editors and Kubernetes do. */
  private void rewrite(Workspace ws, Path config, String... lines) throws IOException {
    Path next = ws.config("next", lines);
    Files.move(next, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private Map<String, List<String>> firesBySchedule() throws IOException {
    Map<String, List<String>> fires = new TreeMap<>();
    if (Files.exists(out())) {
      for (String line : Files.readAllLines(out(), StandardCharsets.UTF_8)) {
        JsonNode j = JSON.readTree(line);
        fires.computeIfAbsent(j.get("schedule").asText(), k -> new ArrayList<>()).add(j.get("scheduled_at").asText());
      }
    }
    return fires;
  }

  @Test
  void aChangedFileAddsAndRemovesSchedulesOnTheSameLease() throws Exception {
    Workspace ws = new Workspace(tmp);
    Path config = ws.config("reload", config("alpha"));
    bugle = BugleProcess.start(tmp, "run", config.toString());
    bugle.awaitStderr("leading: acquired the local lock", STARTUP);
    bugle.awaitStderr("enqueued 1 job\\(s\\) via 'out'", Duration.ofSeconds(5));

    rewrite(ws, config, config("beta"));
    bugle.awaitStderr("reloaded: 1 schedule\\(s\\); added \\[beta\\], changed \\[\\], removed \\[alpha\\]",
        Duration.ofSeconds(15));
    bugle.awaitStderr("enqueued 1 job\\(s\\) via 'out'.*beta@", Duration.ofSeconds(5));
    int alphaAtReload = firesBySchedule().get("alpha").size();
    TimeUnit.SECONDS.sleep(3);
    assertThat(firesBySchedule().get("alpha")).hasSize(alphaAtReload);
    assertThat(firesBySchedule().get("beta")).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
    // the lease was never given up: one standby line, one leading line
    assertThat(bugle.stderr()).filteredOn(l -> l.contains("standby: waiting")).hasSize(1);
    assertThat(bugle.stderr()).filteredOn(l -> l.contains("leading: acquired")).hasSize(1);
    assertThat(bugle.isAlive()).isTrue();
  }

  @Test
  void aBadFileOrALockChangeIsRefusedAndTheOldConfigurationKeepsFiring() throws Exception {
    Workspace ws = new Workspace(tmp);
    Path config = ws.config("reload", config("alpha"));
    bugle = BugleProcess.start(tmp, "run", config.toString());
    bugle.awaitStderr("leading:", STARTUP);
    OpsHttp http = OpsHttp.of(bugle);

    List<String> bad = new ArrayList<>(List.of(config("alpha", "beta")));
    bad.add("bugle.schedule.beta.misfire=sometimes");
    bad.add("bugle.schedule.gamma.every=1s");
    rewrite(ws, config, bad.toArray(String[]::new));
    bugle.awaitStderr("reload \\(the file changed\\) refused", Duration.ofSeconds(15));
    OpsHttp.await("the status API reports the refused reload", Duration.ofSeconds(5), () -> {
      var r = http.json("/api/v1/status").get("last_reload");
      return r != null && !r.isNull() && !r.get("applied").asBoolean()
          && r.get("problems").toString().contains("bugle.schedule.beta.misfire");
    });
    bugle.awaitStderr("bugle.schedule.beta.misfire", Duration.ofSeconds(2));
    bugle.awaitStderr("bugle.schedule.gamma.job", Duration.ofSeconds(2));

    rewrite(ws, config, config("alpha")); // valid again, and the same: nothing changes
    bugle.awaitStderr("reloaded: 1 schedule\\(s\\); added \\[\\], changed \\[\\], removed \\[\\]", Duration.ofSeconds(15));
    Path moved = ws.config("moved", config("alpha"));
    String lockMoved = Files.readString(moved).replace("bugle.lock.local.dir=", "bugle.lock.local.dir=" + tmp + "/other");
    Files.writeString(config, lockMoved);
    bugle.sighup();
    bugle.awaitStderr("reload \\(SIGHUP\\) refused", Duration.ofSeconds(10));
    bugle.awaitStderr("bugle.lock.local.\\*.*needs a restart", Duration.ofSeconds(2));

    int before = firesBySchedule().getOrDefault("alpha", List.of()).size();
    TimeUnit.SECONDS.sleep(3);
    assertThat(firesBySchedule().get("alpha").size()).isGreaterThanOrEqualTo(before + 2);
    assertThat(firesBySchedule()).doesNotContainKeys("beta", "gamma");
    assertThat(bugle.isAlive()).isTrue();
  }
}
