package dev.bugle.benchmarks.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.core.Bugle;
import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.core.ConfigLoader;
import dev.bugle.core.Providers;
import dev.bugle.support.JobJson;
import dev.bugle.testkit.TcpProxy;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import redis.clients.jedis.Jedis;

/**
 * Issue 11's figures, with the real service in-process ({@link Bugle} on the real redis-json and delayed-job
 * enqueuers and the local lock): {@code SCHEDULES} healthy every-1s redis-json schedules beside a delayed-job
 * enqueuer whose PostgreSQL hangs (a {@link TcpProxy} in front of 127.0.0.1:5432 holding every reply, with a
 * schedule of its own every second), watched for {@code SECONDS}; then Redis (another proxy) is cut for 5 s,
 * {@code CUTS} times. Prints the lateness of the healthy fires (arrival in this JVM from a BLPOP of the list minus
 * {@code scheduled_at}) as p50/p99/max, the instants missing or doubled, and per cut the time from restore() to
 * the next item. Needs Redis and PostgreSQL on 127.0.0.1 ({@code scripts/services}). Results: docs/benchmarks.md,
 * "Isolation and recovery". Not a test: run it by hand.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.bugle.benchmarks.core.IsolationAndRecovery
 * [SECONDS=60] [SCHEDULES=20] [CUTS=3] [MISFIRE=fire-once] [DEAD=hung|none]}
 */
public final class IsolationAndRecovery {
  private static final Duration CUT = Duration.ofSeconds(5);

  private IsolationAndRecovery() {
  }

  record Item(String schedule, Instant scheduledAt, Instant arrivedAt, long arrivedNanos) {
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int schedules = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int cuts = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String misfire = args.length > 3 ? args[3] : "fire-once";
    boolean dead = args.length <= 4 || !args[4].equals("none"); // "none": the healthy schedules alone, for comparison
    // The node's retry warnings would drown the figures; -Dorg.slf4j.simpleLogger.defaultLogLevel=info shows them.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    }
    require(6379, "Redis", "scripts/services redis");
    require(5432, "PostgreSQL", "scripts/services postgresql");
    String run = UUID.randomUUID().toString().substring(0, 8);
    String list = "bench:isolation:" + run;
    Path dir = Files.createTempDirectory("bugle-isolation-");
    List<Item> items = new ArrayList<>();
    try (TcpProxy redis = new TcpProxy(6379); TcpProxy pg = new TcpProxy(5432)) {
      pg.holdReplies(true);
      List<String> lines = new ArrayList<>(List.of(
          "bugle.namespace=bench-" + run,
          "bugle.lock=local",
          "bugle.lock.local.dir=" + dir.resolve("lock"),
          "bugle.enqueuer.redis.type=redis-json",
          "bugle.enqueuer.redis.redis-url=redis://127.0.0.1:" + redis.port() + "/0",
          "bugle.enqueuer.redis.key=" + list,
          "bugle.enqueuer.redis.push=rpush",
          "bugle.enqueuer.redis.dedupe-ttl=10m",
          "bugle.enqueuer.redis.connect-timeout=500ms",
          "bugle.enqueuer.redis.timeout=1s",
          "bugle.enqueuer.dj.type=delayed-job",
          "bugle.enqueuer.dj.jdbc-url=jdbc:postgresql://127.0.0.1:" + pg.port() + "/test",
          "bugle.enqueuer.dj.username=postgres"));
      if (dead) {
        lines.addAll(List.of("bugle.schedule.dead.every=1s", "bugle.schedule.dead.job=Dead",
            "bugle.schedule.dead.enqueuer=dj"));
      }
      for (int i = 1; i <= schedules; i++) {
        String s = String.format(Locale.ROOT, "bugle.schedule.h%02d.", i);
        lines.addAll(List.of(s + "every=1s", s + "job=Healthy", s + "enqueuer=redis", s + "misfire=" + misfire,
            s + "misfire-window=1m"));
      }
      Path config = dir.resolve("bench.properties");
      Files.writeString(config, String.join("\n", lines) + "\n");
      BugleConfig cfg = ConfigLoader.load(config, Map.of(), System.getenv());
      Thread reader = reader(list, items);
      try (Components parts = Components.assemble(cfg, Providers.load(IsolationAndRecovery.class.getClassLoader()),
          InstantSource.system())) {
        parts.open();
        Bugle bugle = new Bugle(cfg, parts, InstantSource.system());
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread node = new Thread(() -> {
          try {
            outcome.set(bugle.run());
          } catch (Exception | Error e) {
            outcome.set(e);
          }
        }, "bugle-node");
        node.start();
        awaitCount(items, 1, Duration.ofSeconds(30), "the first healthy fire");
        Instant from = Instant.now();
        Thread.sleep(seconds * 1000L);
        Instant to = Instant.now();
        report(snapshot(items), from, to, schedules, seconds, dead);

        List<Long> recoveries = new ArrayList<>();
        for (int c = 0; c < cuts; c++) {
          redis.cut();
          Thread.sleep(CUT.toMillis());
          long restored = System.nanoTime();
          redis.restore();
          Item next = awaitArrivalAfter(items, restored, Duration.ofSeconds(30));
          recoveries.add(next == null ? -1 : (next.arrivedNanos() - restored) / 1_000_000);
          Thread.sleep(3_000);
        }
        System.out.printf(Locale.ROOT, "recovery after a %d s Redis cut, restore() to the next item: %s ms (-1: none "
            + "within 30 s)%n", CUT.toSeconds(), recoveries);
        long stopping = System.nanoTime();
        bugle.stop();
        node.join(30_000);
        System.out.printf(Locale.ROOT, "node ended: %s, %d ms after stop()%n", outcome.get(),
            (System.nanoTime() - stopping) / 1_000_000);
      } finally {
        reader.interrupt();
        try (Jedis j = new Jedis("127.0.0.1", 6379)) {
          j.del(list);
        }
      }
    }
    System.exit(0); // the hung delayed-job pool's threads are not daemons
  }

  private static void report(List<Item> all, Instant from, Instant to, int schedules, int seconds,
      boolean dead) {
    // Only instants scheduled inside the window, so a fire late from before it or due after it does not count.
    Instant first = Instant.ofEpochSecond(from.getEpochSecond() + 2);
    Instant last = to.minusSeconds(1);
    List<Item> in = all.stream().filter(i -> !i.scheduledAt().isBefore(first) && i.scheduledAt().isBefore(last))
        .toList();
    List<Long> ms = in.stream().map(i -> Duration.between(i.scheduledAt(), i.arrivedAt()).toMillis()).sorted().toList();
    Map<String, Set<Instant>> seen = new HashMap<>();
    int doubled = 0;
    for (Item i : in) {
      if (!seen.computeIfAbsent(i.schedule(), k -> new HashSet<>()).add(i.scheduledAt())) {
        doubled++;
      }
    }
    long expected = 0;
    long missing = 0;
    for (int s = 1; s <= schedules; s++) {
      Set<Instant> got = seen.getOrDefault(String.format(Locale.ROOT, "h%02d", s), Set.of());
      for (Instant t = first; t.isBefore(last); t = t.plusSeconds(1)) {
        expected++;
        if (!got.contains(t)) {
          missing++;
        }
      }
    }
    if (ms.isEmpty()) {
      System.out.printf(Locale.ROOT, "%d healthy schedules, %d s: NO healthy fire arrived%n", schedules, seconds);
      return;
    }
    System.out.printf(Locale.ROOT, "%d healthy schedules, %d s %s: %d fires (%d expected, %d "
        + "missing, %d doubled); lateness p50=%d ms p99=%d ms max=%d ms%n", schedules, seconds,
        dead ? "beside a hung delayed-job" : "with no dead backend", ms.size(), expected,
        missing, doubled, ms.get((ms.size() - 1) / 2), ms.get((int) Math.ceil(ms.size() * 0.99) - 1),
        ms.get(ms.size() - 1));
  }

  private static Thread reader(String list, List<Item> items) {
    Thread t = new Thread(() -> {
      try (Jedis j = new Jedis("127.0.0.1", 6379, 5_000)) {
        while (!Thread.currentThread().isInterrupted()) {
          List<String> popped = j.blpop(1, list);
          if (popped == null || popped.size() < 2) {
            continue;
          }
          Instant at = Instant.now();
          long nanos = System.nanoTime();
          // The rest of a second's batch in one call, so the reader's own round trips do not count as lateness;
          // each is stamped when that call returned, which is no earlier than it arrived.
          List<String> rest = j.lpop(list, 1000);
          Instant restAt = Instant.now();
          long restNanos = System.nanoTime();
          synchronized (items) {
            items.add(item(popped.get(1), at, nanos));
            for (String json : rest == null ? List.<String>of() : rest) {
              items.add(item(json, restAt, restNanos));
            }
            items.notifyAll();
          }
        }
      } catch (IOException | RuntimeException e) {
        System.err.println("reader stopped: " + e);
      }
    }, "list-reader");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static Item item(String json, Instant at, long nanos) throws IOException {
    JsonNode job = JobJson.mapper().readTree(json);
    return new Item(job.path("schedule").asText(), Instant.parse(job.path("scheduled_at").asText()), at, nanos);
  }

  private static List<Item> snapshot(List<Item> items) {
    synchronized (items) {
      return List.copyOf(items);
    }
  }

  private static void awaitCount(List<Item> items, int n, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (items) {
      while (items.size() < n) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          throw new IllegalStateException("no " + what + " within " + timeout);
        }
        items.wait(left);
      }
    }
  }

  /** The first item that arrived at or after {@code sinceNanos}, or null when none did within {@code timeout}. */
  private static Item awaitArrivalAfter(List<Item> items, long sinceNanos, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (items) {
      while (true) {
        for (int i = items.size() - 1; i >= 0 && items.get(i).arrivedNanos() - sinceNanos >= 0; i--) {
          if (i == 0 || items.get(i - 1).arrivedNanos() - sinceNanos < 0) {
            return items.get(i);
          }
        }
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return null;
        }
        items.wait(left);
      }
    }
  }

  private static void require(int port, String what, String command) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.getOutputStream();
    } catch (IOException e) {
      throw new IllegalStateException(what + " is not running on 127.0.0.1:" + port + "; start it with: " + command, e);
    }
  }
}
