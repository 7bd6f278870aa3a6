package dev.bugle.cli;

import static dev.bugle.cli.BugleProcess.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Reload every 200 ms for 60 s under a one-second schedule into redis-json, as issue 13 asks: every reload adds or
 * removes a second schedule (so none is a no-op), half by SIGHUP and half by rewriting the file, and every
 * instant of the unchanged schedule is in the list exactly once, from the first to the last.
 */
class ReloadExactlyOnceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String list = "bugle-it:reload:" + UUID.randomUUID();
  @TempDir
  Path tmp;
  private BugleProcess bugle;

  @AfterEach
  void cleanUp() {
    if (bugle != null) {
      bugle.close();
    }
    try (Jedis j = redis()) {
      j.del(list);
    }
  }

  private static Jedis redis() {
    try {
      Jedis j = new Jedis("127.0.0.1", 6379);
      j.ping();
      return j;
    } catch (RuntimeException e) {
      throw new AssertionError("Redis is not running on 127.0.0.1:6379; start it with: scripts/services redis", e);
    }
  }

  private String[] lines(boolean withOther) {
    List<String> l = new ArrayList<>(List.of("bugle.enqueuer.r.type=redis-json",
        "bugle.enqueuer.r.redis-url=redis://127.0.0.1:6379/0", "bugle.enqueuer.r.key=" + list,
        "bugle.schedule.tick.every=1s", "bugle.schedule.tick.job=Tick"));
    if (withOther) {
      l.addAll(List.of("bugle.schedule.other.every=1h", "bugle.schedule.other.job=Other"));
    }
    return l.toArray(String[]::new);
  }

  @Test
  void everyInstantIsThereOnceAcrossThreeHundredReloads() throws Exception {
    redis().close();
    Workspace ws = new Workspace(tmp);
    Path config = ws.config("reload", lines(false));
    bugle = BugleProcess.start(tmp, "run", config.toString());
    bugle.awaitStderr("leading:", STARTUP);
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int reloads = 0;
    while (System.nanoTime() < end) {
      Path next = ws.config("next", lines(reloads % 2 == 0));
      Files.move(next, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      if (reloads % 2 == 1) {
        bugle.sighup();
      }
      reloads++;
      Thread.sleep(200);
    }
    Thread.sleep(1_500);
    bugle.sigterm();
    assertThat(bugle.awaitExit(Duration.ofSeconds(10))).as(bugle.transcript()).isZero();

    List<Instant> ticks = new ArrayList<>();
    try (Jedis j = redis()) {
      for (String item : j.lrange(list, 0, -1)) {
        var node = JSON.readTree(item);
        if (node.get("schedule").asText().equals("tick")) {
          ticks.add(Instant.parse(node.get("scheduled_at").asText()));
        }
      }
    }
    ticks.sort(null);
    assertThat(ticks).as(bugle.transcript()).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(58);
    long span = Duration.between(ticks.get(0), ticks.get(ticks.size() - 1)).toSeconds();
    assertThat(ticks).as("no instant missing between the first and the last").hasSize((int) span + 1);
    assertThat(bugle.stderr()).filteredOn(l -> l.contains("reloaded:")).hasSizeGreaterThan(150);
    assertThat(bugle.stderr()).filteredOn(l -> l.contains("leading: acquired")).hasSize(1); // never released
  }
}
