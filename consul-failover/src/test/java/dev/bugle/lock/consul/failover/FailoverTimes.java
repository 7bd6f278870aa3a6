package dev.bugle.lock.consul.failover;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures failover (stop of the leader → first fire by the new leader) with real processes, for
 * docs/consul-lock.md. Not a test: run it by hand (see docs/consul-lock.md, "Failover times"):
 * {@code java -cp ... dev.bugle.lock.consul.failover.FailoverTimes [runs] [ttlSeconds] [sigterm]}.
 */
public final class FailoverTimes {
  private FailoverTimes() {
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Duration ttl = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
    for (Duration lockDelay : List.of(Duration.ZERO, Duration.ofSeconds(15))) {
      for (boolean kill : args.length > 2 && args[2].equals("sigterm") ? List.of(false) : List.of(false, true)) {
        List<long[]> results = measure(ttl, lockDelay, kill, runs);
        for (int k = 0; k < 2; k++) {
          int col = k;
          List<Long> millis = results.stream().map(r -> r[col]).toList();
          List<Long> sorted = new ArrayList<>(millis);
          sorted.sort(null);
          System.out.printf("ttl=%ss lock-delay=%ss %-8s %-12s runs=%s median=%dms min=%dms max=%dms%n",
              ttl.toSeconds(), lockDelay.toSeconds(), kill ? "kill -9" : "SIGTERM", k == 0 ? "lock-taken" : "first-fire",
              millis, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
        }
      }
    }
  }

  /** Per run: ms from the signal to the new leader's "leading:" log line, and to its first fire. */
  private static List<long[]> measure(Duration ttl, Duration lockDelay, boolean kill, int runs) throws Exception {
    List<long[]> out = new ArrayList<>();
    try (Cluster c = new Cluster(ttl, lockDelay)) {
      c.start();
      c.start();
      for (int i = 0; i < runs; i++) {
        Node leader = c.awaitLeaderWithFires(2, Duration.ofSeconds(120));
        awaitStandbys(c, leader);
        Instant stopped = Instant.now();
        if (kill) {
          leader.kill9();
        } else {
          leader.sigterm();
        }
        Node.Fire next = c.awaitFireByAnother(leader, stopped, Duration.ofSeconds(120)).orElseThrow();
        Instant led = c.node(next.node()).leadingAt().orElseThrow();
        out.add(new long[] {Duration.between(stopped, led).toMillis(), Duration.between(stopped, next.enqueuedAt()).toMillis()});
        leader.exitCode(30);
        c.start();
      }
    }
    return out;
  }

  /** Waits until a node other than the leader logged that it is waiting for the lock. */
  private static void awaitStandbys(Cluster c, Node leader) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try (var files = Files.list(c.dir)) {
        long standbys = files.filter(p -> p.toString().endsWith(".log") && !p.getFileName().toString()
            .equals(leader.name() + ".log") && !p.getFileName().toString().equals("emulator.log"))
            .filter(FailoverTimes::waiting).count();
        if (standbys > 0) {
          Thread.sleep(500);
          return;
        }
      }
      Thread.sleep(100);
    }
  }

  private static boolean waiting(Path log) {
    try {
      String text = Files.readString(log);
      return text.contains("standby: waiting") && !text.contains("leading:") && !text.contains("rc=");
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
