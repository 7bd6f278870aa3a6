package dev.bugle.lock.consul.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bugle.testkit.ExternalProcess;
import dev.bugle.testkit.TcpProxy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

/**
 * Issue 11, the lock store briefly down: a leader whose Consul (the emulator, behind a {@link TcpProxy}) is cut
 * off for 5 s with a TTL of 10 s still holds a valid lease all along, so its fires into redis-json keep going out
 * during the outage, each instant exactly once, it does not exit, and the checkpoint catches up once Consul is
 * back. Before the lanes, the checkpoint commit ran on the planner's thread and every send waited for it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LockStoreOutageIT {
  private static final Duration TTL = Duration.ofSeconds(10);
  private static final Duration CUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String REDIS = "scripts/services redis";

  @Test
  void aFiveSecondConsulOutageWithinTheTtlStopsNoFireAndTheCheckpointCatchesUp() throws Exception {
    requireRedis();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String namespace = "outage-" + run;
    String list = "failover:outage:" + run;
    Path dir = Files.createTempDirectory("bugle-outage-");
    Path config = dir.resolve("bugle.properties");
    List<Item> items = new ArrayList<>();
    try (EmulatorProcess consul = EmulatorProcess.start(dir);
        TcpProxy proxy = new TcpProxy(Integer.parseInt(consul.address().replaceAll(".*:", "")));
        Reader reader = new Reader(list, items)) {
      Files.writeString(config, String.join("\n",
          "bugle.namespace=" + namespace,
          "bugle.lock=consul",
          "bugle.lock.consul.address=http://127.0.0.1:" + proxy.port(),
          "bugle.lock.consul.ttl=" + TTL.toSeconds() + "s",
          "bugle.lock.consul.session-ttl-min=1s",
          "bugle.lock.consul.lock-delay=1s",
          "bugle.lock.consul.connect-timeout=500ms",
          "bugle.lock.consul.read-timeout=2s",
          "bugle.enqueuer.redis.type=redis-json",
          "bugle.enqueuer.redis.key=" + list,
          "bugle.enqueuer.redis.push=rpush",
          "bugle.enqueuer.redis.dedupe-ttl=10m",
          "bugle.schedule.tick.every=1s",
          "bugle.schedule.tick.job=Tick",
          "bugle.schedule.tick.misfire-window=1m", ""));
      ProcessBuilder pb = new ProcessBuilder("java", "-Xmx96m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
          Jars.bugle().toString(), "run", config.toString());
      try (ExternalProcess bugle = ExternalProcess.start("bugle run", pb, dir.resolve("bugle.log"), Duration.ZERO,
          "build it with: mvn -pl consul-failover -am verify")) {
        bugle.await("lead and fire three times", Duration.ofSeconds(40),
            () -> bugle.logText().contains("leading: acquired") && reader.count() >= 3 ? true : null);

        String checkpointKey = "bugle/" + namespace + "/leader/checkpoints";
        proxy.cut();
        Instant cutAt = Instant.now();
        TimeUnit.NANOSECONDS.sleep(CUT.toNanos());
        // Read from the emulator itself, not through the proxy: what the leader managed to write during the cut.
        Instant stuckAt = checkpoint(consul.address(), checkpointKey, "tick");
        Instant restoredAt = Instant.now();
        long restored = System.nanoTime();
        proxy.restore();
        List<Item> duringCut = reader.snapshot().stream()
            .filter(i -> i.arrivedAt().isAfter(cutAt) && i.arrivedAt().isBefore(restoredAt)).toList();
        Instant lastSentInCut = reader.snapshot().get(reader.count() - 1).scheduledAt();

        // The checkpoint catches up: the stored value reaches the last fire sent during the outage.
        List<String> timeline = new ArrayList<>();
        Instant[] seen = {stuckAt};
        Instant committed = bugle.await("write the checkpoint of " + lastSentInCut + " after the outage",
            Duration.ofSeconds(10), () -> {
              Instant at = checkpoint(consul.address(), checkpointKey, "tick");
              if (at != null && !at.equals(seen[0])) {
                seen[0] = at;
                timeline.add("+" + (System.nanoTime() - restored) / 1_000_000 + "ms " + at);
              }
              return at != null && !at.isBefore(lastSentInCut) ? at : null;
            });
        Duration catchUp = Duration.ofNanos(System.nanoTime() - restored);
        bugle.await("fire three times after the outage", Duration.ofSeconds(10),
            () -> reader.snapshot().stream().filter(i -> i.arrivedAt().isAfter(restoredAt)).count() >= 3 ? true : null);
        List<Item> all = reader.snapshot();
        System.out.println("LockStoreOutageIT: " + duringCut.size() + " fire(s) arrived during the " + CUT.toSeconds()
            + " s cut; checkpoint at restore() " + stuckAt + ", last fire sent by then " + lastSentInCut + "; "
            + committed + " written within " + catchUp.toMillis() + " ms of restore() (checkpoint changes after "
            + "restore(): " + timeline + "); lateness " + lateness(all));

        String log = bugle.logText();
        assertThat(bugle.isAlive()).as("no exit: the lease stayed valid\n" + bugle.logTail()).isTrue();
        assertThat(log).as("the lease was never lost").doesNotContain("lease lost").doesNotContain("stopped firing");
        assertThat(duringCut.size()).as("fires sent while Consul was unreachable (the lease was valid)\n" + all)
            .isGreaterThanOrEqualTo((int) CUT.toSeconds() - 1);
        assertThat(stuckAt).as("the cut reached the lock: the checkpoint stayed put while the fires went on")
            .isNotNull().isBefore(lastSentInCut.minusSeconds(2));
        assertThat(countsPerSecond(all)).as("every second exactly once\n" + all)
            .hasSizeGreaterThanOrEqualTo(3 + (int) CUT.toSeconds() + 3)
            .allSatisfy((at, n) -> assertThat(n).as(at.toString()).isEqualTo(1));
        assertThat(all).as("each fire on time, the outage's included: %s", lateness(all))
            .allSatisfy(i -> assertThat(Duration.between(i.scheduledAt(), i.arrivedAt()))
                .as(i.toString()).isLessThanOrEqualTo(Duration.ofMillis(500)));
      }
    }
  }

  /** The instant stored for {@code schedule} in the checkpoints, read from the emulator itself (not the proxy). */
  private static Instant checkpoint(String address, String key, String schedule) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(address + "/v1/kv/" + key
        + "?raw")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200 || r.body().isBlank()) {
      return null;
    }
    JsonNode v = JSON.readTree(r.body()).path(schedule);
    return v.isTextual() ? Instant.parse(v.asText()) : null;
  }

  private static Map<Instant, Integer> countsPerSecond(List<Item> items) {
    List<Instant> at = items.stream().map(Item::scheduledAt).sorted().toList();
    Map<Instant, Integer> counts = new TreeMap<>();
    for (Instant t = at.get(0); !t.isAfter(at.get(at.size() - 1)); t = t.plusSeconds(1)) {
      counts.put(t, 0);
    }
    at.forEach(t -> counts.merge(t, 1, Integer::sum));
    return counts;
  }

  private static String lateness(List<Item> items) {
    List<Long> ms = items.stream().map(i -> Duration.between(i.scheduledAt(), i.arrivedAt()).toMillis()).sorted().toList();
    return "n=" + ms.size() + " p50=" + ms.get((ms.size() - 1) / 2) + "ms max=" + ms.get(ms.size() - 1) + "ms";
  }

  private static void requireRedis() {
    try (Jedis j = new Jedis("127.0.0.1", 6379)) {
      j.ping();
    } catch (RuntimeException e) {
      fail("Redis is not running on 127.0.0.1:6379 (" + e.getMessage() + "); start it with: " + REDIS);
    }
  }

  record Item(Instant scheduledAt, Instant arrivedAt) {
  }

  /** BLPOPs the list on a daemon thread and stamps each item with its arrival. */
  private static final class Reader implements AutoCloseable {
    private final String key;
    private final List<Item> items;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Throwable failure;

    Reader(String key, List<Item> items) {
      this.key = key;
      this.items = items;
      thread = new Thread(this::loop, "outage-reader");
      thread.setDaemon(true);
      thread.start();
    }

    private void loop() {
      try (Jedis j = new Jedis("127.0.0.1", 6379, 5_000)) {
        while (!closed) {
          List<String> popped = j.blpop(1, key);
          if (popped != null && popped.size() == 2) {
            Instant at = Instant.now();
            Instant scheduled = Instant.parse(JSON.readTree(popped.get(1)).path("scheduled_at").asText());
            synchronized (items) {
              items.add(new Item(scheduled, at));
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        failure = e;
      }
    }

    List<Item> snapshot() {
      if (failure != null) {
        throw new AssertionError("the reader of " + key + " failed; is Redis up? (" + REDIS + ")", failure);
      }
      synchronized (items) {
        return List.copyOf(items);
      }
    }

    int count() {
      return snapshot().size();
    }

    @Override
    public void close() throws InterruptedException {
      closed = true;
      thread.join(3_000);
      try (Jedis j = new Jedis("127.0.0.1", 6379)) {
        j.del(key);
      }
    }
  }
}
