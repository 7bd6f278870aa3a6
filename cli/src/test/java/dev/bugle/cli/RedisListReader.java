package dev.bugle.cli;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.support.JobJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * A consumer of one redis-json list on the shared Redis (127.0.0.1:6379), as a user's worker would be: a daemon
 * thread BLPOPs the list and stamps each item with the wall-clock instant it arrived in this JVM, so a test can
 * compare the arrival with the item's {@code scheduled_at}.
 */
final class RedisListReader implements AutoCloseable {
  static final String INSTALL = "scripts/services redis";

  /** One item: which schedule, which scheduled instant, and when this reader received it. */
  record Item(String schedule, Instant scheduledAt, Instant arrivedAt, long arrivedNanos) {
    Duration lateness() {
      return Duration.between(scheduledAt, arrivedAt);
    }
  }

  private final String key;
  private final List<Item> items = new ArrayList<>();
  private final Thread thread;
  private volatile boolean closed;
  private volatile Throwable failure;

  RedisListReader(String key) {
    this.key = key;
    requireRedis();
    thread = new Thread(this::loop, "redis-list-reader");
    thread.setDaemon(true);
    thread.start();
  }

  /** Fails loudly, naming the command that starts it, when the shared Redis does not answer. */
  static void requireRedis() {
    try (Jedis j = new Jedis("127.0.0.1", 6379)) {
      j.ping();
    } catch (RuntimeException e) {
      fail("Redis is not running on 127.0.0.1:6379 (" + e.getMessage() + "); start it with: " + INSTALL);
    }
  }

  private void loop() {
    try (Jedis j = new Jedis("127.0.0.1", 6379, 5_000)) {
      while (!closed) {
        List<String> popped = j.blpop(1, key); // [key, value], or null after a second with nothing
        if (popped == null || popped.size() < 2) {
          continue;
        }
        Instant at = Instant.now();
        long nanos = System.nanoTime();
        JsonNode job = JobJson.mapper().readTree(popped.get(1));
        synchronized (items) {
          items.add(new Item(job.path("schedule").asText(), Instant.parse(job.path("scheduled_at").asText()), at, nanos));
          items.notifyAll();
        }
      }
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        failure = e;
      }
    }
  }

  List<Item> items() {
    check();
    synchronized (items) {
      return List.copyOf(items);
    }
  }

  /** Waits until {@code count} items arrived in all; fails after {@code timeout}. */
  List<Item> awaitCount(int count, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (items) {
      while (items.size() < count) {
        check();
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          fail("only " + items.size() + " of " + count + " items on " + key + " within " + timeout + ": " + what);
        }
        TimeUnit.NANOSECONDS.timedWait(items, left);
      }
      return List.copyOf(items);
    }
  }

  /** The first item that arrived at or after {@code sinceNanos} ({@link System#nanoTime()}), waiting up to {@code timeout}. */
  Item awaitArrivalAfter(long sinceNanos, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (items) {
      while (true) {
        check();
        for (Item i : items) {
          if (i.arrivedNanos() - sinceNanos >= 0) {
            return i;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          fail("no item on " + key + " within " + timeout + " " + what + "; items so far: " + items);
        }
        TimeUnit.NANOSECONDS.timedWait(items, left);
      }
    }
  }

  private void check() {
    if (failure != null) {
      throw new AssertionError("the reader of " + key + " failed; is Redis up? (" + INSTALL + ")", failure);
    }
  }

  /**
   * How many times each scheduled instant of {@code schedule} arrived, for every whole second from the first
   * to the last one that arrived (a missing second counts 0): every value must be 1.
   */
  static Map<Instant, Integer> countsPerSecond(List<Item> items, String schedule) {
    List<Instant> at = items.stream().filter(i -> i.schedule().equals(schedule)).map(Item::scheduledAt).sorted().toList();
    Map<Instant, Integer> counts = new TreeMap<>();
    if (at.isEmpty()) {
      return counts;
    }
    for (Instant t = at.get(0); !t.isAfter(at.get(at.size() - 1)); t = t.plusSeconds(1)) {
      counts.put(t, 0);
    }
    at.forEach(t -> counts.merge(t, 1, Integer::sum));
    return counts;
  }

  /** p50, p99 and max of the lateness of {@code items}, in milliseconds, for messages and reports. */
  static String latenessSummary(List<Item> items) {
    List<Long> ms = items.stream().map(i -> i.lateness().toMillis()).sorted().toList();
    if (ms.isEmpty()) {
      return "no items";
    }
    return "n=" + ms.size() + " p50=" + ms.get((ms.size() - 1) / 2) + "ms p99="
        + ms.get((int) Math.ceil(ms.size() * 0.99) - 1) + "ms max=" + ms.get(ms.size() - 1) + "ms, in arrival order "
        + items.stream().map(i -> i.lateness().toMillis()).toList();
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    thread.join(3_000);
    try (Jedis j = new Jedis("127.0.0.1", 6379)) {
      j.del(key);
    } catch (RuntimeException e) {
      // Redis gone: nothing to clean
    }
  }
}
