package dev.bugle.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bugle.testkit.ExternalProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three copies of the packaged example ({@code java -jar target/spring-boot-example.jar}), each its own port and node
 * name, against the standalone Consul emulator and PostgreSQL: one leads; every scheduled instant the fleet fired is
 * run exactly once by the fleet's JobRunr workers (counted in the runs table); a SIGTERM to the leader hands over to
 * a standby that fires within 2 s of the stop, and the instants stay exactly once.
 */
class FleetIT {
  private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=3";
  /** This test's own JobRunr tables (bugle_fleet_it_jobrunr_jobs, ...), apart from the example's defaults. */
  private static final String JOBRUNR_PREFIX = "bugle_fleet_it_";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private final String runsTable = "fleet_runs_" + id;
  private final String firesTable = "fleet_fires_" + id;
  private final List<Node> nodes = new ArrayList<>();
  private Connection db;
  private Path dir;
  private ExternalProcess consul;
  private int consulPort;

  record Node(String name, int port, ExternalProcess process) {
    JsonNode health() {
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/actuator/health/bugle")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
      } catch (IOException e) {
        return null; // not listening yet, or gone
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }

    String state() {
      JsonNode h = health();
      return h == null ? "unreachable" : h.path("details").path("state").asText("?");
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    try {
      db = DriverManager.getConnection(JDBC, "postgres", "");
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL at 127.0.0.1:5432 (user postgres, database test) is not reachable ("
          + e.getMessage() + "); start it with: scripts/services postgresql", e);
    }
    try (Statement s = db.createStatement()) {
      // Jobs left by an earlier run of this test (one killed half-way) must not run into this run's tables.
      s.execute("DO $$ BEGIN IF to_regclass('" + JOBRUNR_PREFIX + "jobrunr_jobs') IS NOT NULL THEN "
          + "DELETE FROM " + JOBRUNR_PREFIX + "jobrunr_jobs; END IF; END $$");
    }
    dir = Files.createTempDirectory("bugle-spring-fleet-");
    consulPort = freePort();
    Path emulator = jar("consul.emulator.jar", "../../testkit/target/consul-emulator.jar");
    consul = ExternalProcess.start("the Consul emulator", new ProcessBuilder("java", "-Xmx128m",
        "-XX:TieredStopAtLevel=1", "-jar", emulator.toString(), "--port", Integer.toString(consulPort),
        "--min-ttl", "1s"), dir.resolve("consul.log"), Duration.ZERO,
        "build it with: mvn -pl examples/spring-boot -am verify");
    consul.await("listen on " + consulPort, Duration.ofSeconds(20), () -> listening(consulPort) ? true : null);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (Node n : nodes) {
      n.process().close();
    }
    if (consul != null) {
      consul.close();
    }
    if (db != null) {
      try (Statement s = db.createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + runsTable);
        s.execute("DROP TABLE IF EXISTS " + firesTable);
      }
      db.close();
    }
  }

  @Test
  void oneLeadsEveryInstantRunsOnceAndAStandbyFiresWithinTwoSecondsOfTheLeadersStop() throws Exception {
    // The first copy alone, so that JobRunr's migrations of the shared tables run once; then two more together.
    start("node-1");
    awaitUp(nodes.get(0), Duration.ofSeconds(60));
    start("node-2");
    start("node-3");
    for (Node n : nodes) {
      awaitUp(n, Duration.ofSeconds(60));
    }

    Node leader = await("exactly one node leads and the others stand by", Duration.ofSeconds(15), () -> {
      List<Node> leading = nodes.stream().filter(n -> "leading".equals(n.state())).toList();
      long standby = nodes.stream().filter(n -> "standby".equals(n.state())).count();
      return leading.size() == 1 && standby == 2 ? leading.get(0) : null;
    });
    JsonNode health = leader.health();
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("details").path("leader").asBoolean()).isTrue();
    assertThat(health.path("details").path("fencing_token").asLong()).isPositive();
    await("the leader fires 3 times", Duration.ofSeconds(15),
        () -> count("SELECT count(*) FROM " + firesTable + " WHERE node = '" + leader.name() + "'") >= 3 ? true : null);

    Instant stop = Instant.now();
    assertThat(leader.process().sigterm()).isTrue();
    Instant firstByAnother = await("a standby fires after the leader's stop", Duration.ofSeconds(10),
        () -> firstFireSince(leader.name(), stop).orElse(null));
    Duration handover = Duration.between(stop, firstByAnother);
    assertThat(handover).as("from the leader's SIGTERM to the new leader's first fire; %s", logs())
        .isLessThan(Duration.ofSeconds(2));
    leader.process().awaitExit(Duration.ofSeconds(15));
    List<Node> rest = nodes.stream().filter(n -> n != leader).toList();
    await("one of the other two leads", Duration.ofSeconds(5),
        () -> rest.stream().filter(n -> "leading".equals(n.state())).count() == 1 ? true : null);

    await("the new leader fires 3 more times", Duration.ofSeconds(15), () -> count("SELECT count(*) FROM "
        + firesTable + " WHERE node <> '" + leader.name() + "'") >= 3 ? true : null);
    TreeSet<Instant> fired = firedInstants();
    Instant first = fired.first();
    Instant last = fired.last();
    // catch-up: what the handover missed is sent by the new leader, so the fired instants are every second.
    assertThat(fired).as("every instant from %s to %s fired; %s", first, last, logs())
        .hasSize((int) Duration.between(first, last).toSeconds() + 1);

    await("every fired instant is run", Duration.ofSeconds(30), () -> runs().keySet().containsAll(fired) ? true : null);
    Map<Instant, Integer> runs = runs();
    assertThat(runs.entrySet().stream().filter(e -> e.getValue() != 1).toList())
        .as("instants run other than once (JobRunr workers of the whole fleet); %s", logs()).isEmpty();
    assertThat(runs.keySet()).as("runs of instants nobody fired").isSubsetOf(firedInstants());
    System.out.printf("fleet: %d instants fired from %s to %s, each run once; handover %d ms%n", fired.size(), first,
        last, handover.toMillis());
  }

  private void start(String name) throws IOException {
    int port = freePort();
    Path jar = jar("example.jar", "target/spring-boot-example.jar");
    ProcessBuilder pb = new ProcessBuilder("java", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-jar", jar.toString(),
        "--server.port=" + port,
        "--example.node=" + name,
        "--example.runs-table=" + runsTable,
        "--example.fires-table=" + firesTable,
        "--jobrunr.database.table-prefix=" + JOBRUNR_PREFIX,
        "--bugle.enqueuer.jobs.table-prefix=" + JOBRUNR_PREFIX,
        "--bugle.namespace=fleet-" + id,
        "--bugle.lock.consul.address=http://127.0.0.1:" + consulPort,
        "--bugle.lock.consul.ttl=3s",
        "--bugle.lock.consul.session-ttl-min=1s",
        "--bugle.lock.consul.lock-delay=1s",
        "--bugle.lock.consul.read-timeout=1500ms",
        "--bugle.lock.consul.connect-timeout=500ms");
    pb.environment().remove("CONSUL_HTTP_ADDR");
    nodes.add(new Node(name, port, ExternalProcess.start("example " + name, pb, dir.resolve(name + ".log"),
        Duration.ofSeconds(10), "build it with: mvn -pl examples/spring-boot -am verify")));
  }

  private void awaitUp(Node n, Duration bound) throws Exception {
    n.process().await("report UP on /actuator/health/bugle", bound, () -> {
      JsonNode h = n.health();
      return h != null && "UP".equals(h.path("status").asText()) ? true : null;
    });
  }

  /** The earliest acknowledgement of a fire by a node other than {@code except}, at or after {@code since}. */
  private Optional<Instant> firstFireSince(String except, Instant since) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT min(acked_at) FROM " + firesTable
        + " WHERE node <> '" + except + "' AND acked_at >= '" + since + "'")) {
      r.next();
      return Optional.ofNullable(r.getTimestamp(1)).map(java.sql.Timestamp::toInstant);
    }
  }

  /** Every scheduled instant some node enqueued (a catch-up fire stands for count instants a second apart). */
  private TreeSet<Instant> firedInstants() throws SQLException {
    TreeSet<Instant> out = new TreeSet<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT first_at, last_at, count FROM " + firesTable)) {
      while (r.next()) {
        Instant a = Instant.parse(r.getString(1));
        Instant b = Instant.parse(r.getString(2));
        for (Instant t = a; !t.isAfter(b); t = t.plusSeconds(1)) {
          out.add(t);
        }
        assertThat(Duration.between(a, b).toSeconds() + 1).isEqualTo(r.getInt(3));
      }
    }
    return out;
  }

  /** How many times each instant was run, by any node's JobRunr worker. */
  private Map<Instant, Integer> runs() throws SQLException {
    Map<Instant, Integer> out = new TreeMap<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
        "SELECT scheduled_at, count(*) FROM " + runsTable + " GROUP BY scheduled_at")) {
      while (r.next()) {
        out.put(Instant.parse(r.getString(1)), r.getInt(2));
      }
    }
    return out;
  }

  private long count(String sql) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private String logs() {
    StringBuilder sb = new StringBuilder("logs in " + dir);
    for (Node n : nodes) {
      sb.append("\n--- ").append(n.name()).append('\n').append(n.process().tail(25));
    }
    return sb.toString();
  }

  private <T> T await(String what, Duration bound, Callable<T> probe) throws Exception {
    long deadline = System.nanoTime() + bound.toNanos();
    while (true) {
      T value = probe.call();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + bound + ": " + what + "; states "
            + nodes.stream().map(n -> n.name() + "=" + n.state()).toList() + "; " + logs());
      }
      Thread.sleep(50);
    }
  }

  private static Path jar(String property, String fallback) {
    Path p = Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    assertThat(Files.isRegularFile(p)).as("%s is missing; build it with: mvn -pl examples/spring-boot -am verify", p)
        .isTrue();
    return p;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static boolean listening(int port) {
    try {
      new Socket("127.0.0.1", port).close();
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }
}
