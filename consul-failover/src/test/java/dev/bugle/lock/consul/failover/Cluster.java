package dev.bugle.lock.consul.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A standalone emulator plus {@code bugle run} nodes sharing one config: a schedule firing every second into
 * the log enqueuer, the consul lock with the given TTL and lock-delay.
 */
final class Cluster implements AutoCloseable {
  final Duration ttl;
  final Duration lockDelay;
  final Path dir;
  final EmulatorProcess consul;
  private final Path config;
  private final List<Node> nodes = new ArrayList<>();
  private int started;

  Cluster(Duration ttl, Duration lockDelay) throws Exception {
    this.ttl = ttl;
    this.lockDelay = lockDelay;
    this.dir = Files.createTempDirectory("bugle-failover-");
    this.consul = EmulatorProcess.start(dir);
    this.config = dir.resolve("bugle.properties");
    String namespace = "failover-" + UUID.randomUUID().toString().substring(0, 8);
    Files.writeString(config, String.join("\n",
        "bugle.namespace=" + namespace,
        "bugle.lock=consul",
        "bugle.lock.consul.address=" + consul.address(),
        "bugle.lock.consul.ttl=" + ttl.toMillis() + "ms",
        "bugle.lock.consul.session-ttl-min=1s",
        "bugle.lock.consul.lock-delay=" + lockDelay.toMillis() + "ms",
        "bugle.lock.consul.connect-timeout=500ms",
        "bugle.lock.consul.read-timeout=" + Math.min(2000, ttl.toMillis() / 2) + "ms",
        "bugle.enqueuer.out.type=log",
        "bugle.schedule.tick.every=1s",
        "bugle.schedule.tick.job=Tick", ""));
  }

  /** The configuration file every node runs. */
  Path config() {
    return config;
  }

  /** Runs {@code bugle ARGS...} on this cluster's configuration to its end and returns its exit code. */
  int bugle(String... args) throws Exception {
    java.util.List<String> cmd = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
        Jars.bugle().toString()));
    cmd.add(args[0]);
    cmd.add(config.toString());
    cmd.addAll(List.of(args).subList(1, args.length));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile())
        .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bugle " + String.join(" ", args) + " did not end within 60 s");
    }
    return p.exitValue();
  }

  /** The bound the issue sets for a kill -9: TTL × 2 + lock-delay + 2 s. */
  Duration killBound() {
    return ttl.multipliedBy(2).plus(lockDelay).plusSeconds(2);
  }

  Node start() throws IOException {
    Node n = Node.start(dir, "node" + (++started), config);
    nodes.add(n);
    return n;
  }

  /** The node that leads and has fired at least {@code fires} times, waiting up to {@code timeout}. */
  Node awaitLeaderWithFires(int fires, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (Node n : nodes) {
        if (n.alive() && n.leading() && n.fires().size() >= fires) {
          return n;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no node led and fired " + fires + " times within " + timeout + "; logs in " + dir);
  }

  /** The first fire enqueued at or after {@code since} by any node but {@code except}, waiting up to {@code timeout}. */
  Optional<Node.Fire> awaitFireByAnother(Node except, Instant since, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Node.Fire> f = allFires().stream().filter(x -> !x.node().equals(except.name()))
          .filter(x -> !x.enqueuedAt().isBefore(since)).min(Comparator.comparing(Node.Fire::enqueuedAt));
      if (f.isPresent()) {
        return f;
      }
      Thread.sleep(50);
    }
    return Optional.empty();
  }

  Node node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  List<Node.Fire> allFires() throws IOException {
    List<Node.Fire> all = new ArrayList<>();
    for (Node n : nodes) {
      all.addAll(n.fires());
    }
    all.sort(Comparator.comparing(Node.Fire::scheduledAt));
    return all;
  }

  String logs() throws IOException {
    StringBuilder sb = new StringBuilder("logs in " + dir + "\n");
    for (Node n : nodes) {
      sb.append("--- ").append(n.name()).append('\n').append(n.logText());
    }
    return sb.toString();
  }

  @Override
  public void close() throws Exception {
    for (Node n : nodes) {
      n.close();
    }
    consul.close();
    assertThat(nodes.stream().noneMatch(Node::alive)).isTrue();
    TimeUnit.MILLISECONDS.sleep(0);
  }
}
