package dev.bugle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.core.JobRequest;
import dev.bugle.support.JobJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** {@code bugle backfill} from the real jar: dry run, the limit, and exactly once into a real Redis list. */
class BackfillIT {
  private static final String REDIS = "redis://127.0.0.1:6379/0";
  private static final Instant FROM = Instant.parse("2026-11-30T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
  private final String list = "bugle-it:backfill:" + UUID.randomUUID();
  private final String schedule = "hourly-" + UUID.randomUUID().toString().substring(0, 8);

  @TempDir
  Path tmp;

  @AfterEach
  void dropKeys() {
    try (Jedis jedis = jedis()) {
      jedis.del(list);
      for (Instant t = FROM; t.isBefore(TO); t = t.plusSeconds(3600)) {
        jedis.del(Workspace.NAMESPACE + ":bugle:fired:" + JobRequest.idFor(Workspace.NAMESPACE, schedule, t));
      }
    }
  }

  private static Jedis jedis() {
    Jedis jedis = new Jedis(java.net.URI.create(REDIS));
    try {
      jedis.ping();
    } catch (RuntimeException e) {
      jedis.close();
      fail("Redis is not reachable at " + REDIS + " (" + e.getMessage() + "); start it with scripts/services redis");
    }
    return jedis;
  }

  private Path config(String... extra) {
    String[] lines = {
        "bugle.enqueuer.json.type=redis-json",
        "bugle.enqueuer.json.redis-url=" + REDIS,
        "bugle.enqueuer.json.key=" + list,
        "bugle.enqueuer.json.dedupe-ttl=30d",
        "bugle.schedule." + schedule + ".every=1h",
        "bugle.schedule." + schedule + ".job=ReportJob",
        "bugle.schedule." + schedule + ".args=[\"{{scheduled_at}}\", \"hourly\"]"};
    String[] all = java.util.Arrays.copyOf(lines, lines.length + extra.length);
    System.arraycopy(extra, 0, all, lines.length, extra.length);
    return new Workspace(tmp).config("backfill", all);
  }

  private BugleProcess backfill(Path config, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("backfill", config.toString(), schedule));
    args.addAll(List.of(more));
    return BugleProcess.runToEnd(tmp, Map.of(), args.toArray(String[]::new));
  }

  @Test
  void runTwiceItSendsEachFireOnceWithItsStableId() throws Exception {
    jedis().close();
    Path config = config();
    String from = FROM.toString();

    BugleProcess first = backfill(config, "--from", from, "--to", TO.toString());
    assertThat(first.exitCode()).as(first.transcript()).isZero();
    assertThat(first.stderr()).as(first.transcript()).anyMatch(l -> l.endsWith(": 24 fire(s), 24 sent, 0 were already"
        + " there"));
    BugleProcess second = backfill(config, "--from", from, "--to", TO.toString());
    assertThat(second.exitCode()).as(second.transcript()).isZero();
    assertThat(second.stderr()).as(second.transcript()).anyMatch(l -> l.endsWith(": 24 fire(s), 0 sent, 24 were"
        + " already there"));

    try (Jedis jedis = jedis()) {
      List<String> jobs = jedis.lrange(list, 0, -1);
      assertThat(jobs).hasSize(24);
      JsonNode oldest = JobJson.mapper().readTree(jobs.get(jobs.size() - 1)); // LPUSH: the first one is last
      Instant at = Instant.parse(from);
      assertThat(oldest.get("id").asText()).isEqualTo(JobRequest.idFor(Workspace.NAMESPACE, schedule, at).toString());
      assertThat(oldest.get("scheduled_at").asText()).isEqualTo(from);
      assertThat(oldest.get("args").toString()).isEqualTo("[\"2026-11-30T00:00:00Z\",\"hourly\"]");
    }
    assertThat(Files.exists(new Workspace(tmp).lockDir())).as("backfill takes no lock, writes no checkpoint").isFalse();
  }

  @Test
  void dryRunListsTheFiresInTheSchedulesZoneAndSendsNothing() {
    Path config = config("bugle.schedule.daily.cron=0 9 * * *", "bugle.schedule.daily.time-zone=Europe/Berlin",
        "bugle.schedule.daily.job=DailyJob", "bugle.schedule.daily.enqueuer=json");
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), "backfill", config.toString(), "daily", "--dry-run",
        "--from", "2026-03-27T08:00:00Z", "--to", "2026-03-30T08:00:00+01:00");

    assertThat(p.exitCode()).as(p.transcript()).isZero();
    assertThat(p.stdout()).as(p.transcript()).containsExactly("daily\t2026-03-27T09:00:00+01:00",
        "daily\t2026-03-28T09:00:00+01:00", "daily\t2026-03-29T09:00:00+02:00"); // --to is excluded: 2026-03-30T07:00:00Z is not sent
    assertThat(p.stderr()).as(p.transcript()).anyMatch(l -> l.contains("dry run: 3 fire(s)"));
    try (Jedis jedis = jedis()) {
      assertThat(jedis.exists(list)).isFalse();
    }
  }

  @Test
  void moreFiresThanTheLimitAreRefusedWithExitTwo() {
    BugleProcess p = backfill(config(), "--from", "2026-11-29T00:00:00Z", "--to", "2026-12-01T00:00:00Z",
        "--limit", "10");

    assertThat(p.exitCode()).as(p.transcript()).isEqualTo(2);
    assertThat(String.join("\n", p.stderr())).as(p.transcript()).contains("has 48 fires, more than --limit 10",
        "nothing was sent", "--limit 48");
    try (Jedis jedis = jedis()) {
      assertThat(jedis.exists(list)).isFalse();
    }
  }
}
