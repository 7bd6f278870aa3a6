package dev.bugle.cli;

import static dev.bugle.cli.BugleProcess.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.testkit.TcpProxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM ends {@code bugle run} with exit 0 within a container's grace period whatever the backends do (README
 * "Shutdown bounds"): each backend sits behind a {@link TcpProxy} that stops answering (the connection stays
 * open, nothing comes back) or refuses, at start-up, after a send, and during a send.
 */
class ShutdownIT {
  /** The promise: exit within 2 s of SIGTERM. */
  static final Duration BOUND = Duration.ofSeconds(2);
  /** What the assertions allow on a loaded 2-core machine; still far below the 10 s a hung close took. */
  static final Duration BOUND_SLACK = BOUND.plusMillis(500);

  @TempDir
  Path tmp;

  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable r : resources) {
      r.close();
    }
  }

  private TcpProxy proxy(int port) throws Exception {
    TcpProxy p = new TcpProxy(port);
    resources.add(p);
    return p;
  }

  private BugleProcess run(Path config) {
    BugleProcess p = BugleProcess.start(tmp, "run", config.toString());
    resources.add(p);
    return p;
  }

  private Path jobrunr(TcpProxy db) {
    return new Workspace(tmp).config("jobrunr",
        "bugle.enqueuer.jobs.type=jobrunr",
        "bugle.enqueuer.jobs.jdbc-url=jdbc:postgresql://127.0.0.1:" + db.port() + "/test",
        "bugle.enqueuer.jobs.username=postgres",
        "bugle.enqueuer.jobs.database-options=create",
        "bugle.schedule.weekly.cron=0 9 * * MON",
        "bugle.schedule.weekly.job=dev.bugle.examples.Jobs#weekly");
  }

  private Path celery(TcpProxy broker, String... schedule) {
    List<String> lines = new ArrayList<>(List.of(
        "bugle.enqueuer.celery.type=celery",
        "bugle.enqueuer.celery.uri=amqp://guest:guest@127.0.0.1:" + broker.port() + "/%2F",
        "bugle.enqueuer.celery.queue=bugle-shutdown-it",
        "bugle.schedule.job.job=tasks.noop"));
    lines.addAll(List.of(schedule));
    return new Workspace(tmp).config("celery", lines.toArray(String[]::new));
  }

  /** Sends SIGTERM and returns how long the process took to exit, asserting exit code 0. */
  private static Duration sigtermAndTime(BugleProcess p) {
    long signalled = System.nanoTime();
    p.sigterm();
    int code = p.awaitExit(Duration.ofSeconds(60));
    Duration took = Duration.ofNanos(System.nanoTime() - signalled);
    assertThat(code).as(p.transcript()).isZero();
    String test = StackWalker.getInstance().walk(f -> f.skip(1).findFirst().map(StackWalker.StackFrame::getMethodName))
        .orElse("?");
    System.out.println("ShutdownIT." + test + ": exited " + took.toMillis() + " ms after SIGTERM");
    return took;
  }

  private static void awaitConnection(TcpProxy proxy, BugleProcess p) throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (proxy.accepted() == 0) {
      assertThat(System.nanoTime() - deadline).as("no connection to the proxy\n" + p.transcript()).isNegative();
      assertThat(p.isAlive()).as(p.transcript()).isTrue();
      Thread.sleep(20);
    }
  }

  @Test
  void sigtermWhileOpeningAHungDatabaseExitsZeroPromptly() throws Exception {
    TcpProxy db = proxy(5432);
    db.holdReplies(true); // PostgreSQL accepts the connection and never says a word
    BugleProcess p = run(jobrunr(db));
    awaitConnection(db, p);
    Thread.sleep(300); // well inside the open: JobRunr waits 5 s for a connection

    assertThat(sigtermAndTime(p)).as(p.transcript()).isLessThan(BOUND_SLACK);
    assertThat(p.stderr()).noneMatch(l -> l.contains("leading:"));
  }

  @Test
  void sigtermWithTheDatabaseGoneAfterStartUpExitsZeroPromptly() throws Exception {
    TcpProxy db = proxy(5432);
    BugleProcess p = run(jobrunr(db));
    p.awaitStderr("leading: acquired", STARTUP);
    db.cut(); // every pooled connection dropped, new ones refused

    assertThat(sigtermAndTime(p)).as(p.transcript()).isLessThan(BOUND_SLACK);
    assertThat(p.stderr()).anyMatch(l -> l.contains("stopped: lock released"));
  }

  @Test
  void sigtermWithAHungBrokerAfterASendExitsZeroWithinTwoSeconds() throws Exception {
    TcpProxy broker = proxy(5672);
    // One fire, a few seconds after the start: it connects and is confirmed; then the broker stops answering.
    Instant at = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
    BugleProcess p = run(celery(broker, "bugle.schedule.job.at=" + at));
    Lines.Line leading = p.awaitStderr("leading: acquired", STARTUP);
    assertThat(leading.readAt()).as("the JVM started too slowly for this test's single fire; run it again")
        .isLessThan(System.nanoTime() + Duration.between(Instant.now(), at).toNanos());
    p.awaitStderr("connected to RabbitMQ", Duration.ofSeconds(20));
    Thread.sleep(1000); // the confirm comes back in milliseconds
    broker.holdReplies(true);

    Duration took = sigtermAndTime(p);
    assertThat(took).as(p.transcript()).isLessThan(BOUND_SLACK);
    assertThat(p.stderr()).anyMatch(l -> l.contains("stopped: lock released"));
  }

  @Test
  void sigtermWithAHungRedisAfterStartUpExitsZeroPromptly() throws Exception {
    TcpProxy redis = proxy(6379);
    BugleProcess p = run(new Workspace(tmp).config("sidekiq",
        "bugle.enqueuer.sidekiq.type=sidekiq",
        "bugle.enqueuer.sidekiq.redis-url=redis://127.0.0.1:" + redis.port() + "/15",
        "bugle.schedule.weekly.cron=0 9 * * MON",
        "bugle.schedule.weekly.job=WeeklyJob"));
    p.awaitStderr("leading: acquired", STARTUP); // open() has loaded the script over a pooled connection
    redis.holdReplies(true);

    assertThat(sigtermAndTime(p)).as(p.transcript()).isLessThan(BOUND_SLACK);
    assertThat(p.stderr()).anyMatch(l -> l.contains("stopped: lock released"));
  }

  /**
   * Fails while the send runs on the scheduler thread: {@code Bugle.run()} only returns once the send has waited
   * out its confirm timeout. The lead engineer's per-enqueuer send lanes move it off that thread.
   */
  @Test
  void sigtermWhileASendHangsExitsZeroWithinTwoSeconds() throws Exception {
    TcpProxy broker = proxy(5672);
    BugleProcess p = run(celery(broker, "bugle.schedule.job.every=1s"));
    p.awaitStderr("connected to RabbitMQ", STARTUP);
    Thread.sleep(1500);
    broker.holdReplies(true);
    Thread.sleep(1500); // the next fire's publish now waits for a confirm that never comes

    assertThat(sigtermAndTime(p)).as(p.transcript()).isLessThan(BOUND_SLACK);
  }

  @Test
  void sighupReloadsWithoutReleasingTheLockAndTheServiceGoesOn() throws Exception {
    BugleProcess p = run(new Workspace(tmp).tickingConfig());
    p.awaitStderr("leading: acquired", STARTUP);
    Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(p.pid())).start();
    assertThat(kill.waitFor()).isZero();
    p.awaitStderr("reload \\(SIGHUP\\): the new configuration runs", Duration.ofSeconds(5));
    int before = p.stdout().size();
    p.awaitStdout("\"schedule\":\"tick\"", Duration.ofSeconds(5));
    Thread.sleep(1500);
    assertThat(p.isAlive()).as(p.transcript()).isTrue();
    assertThat(p.stdout().size()).as("still firing after SIGHUP").isGreaterThan(before);
    assertThat(sigtermAndTime(p)).isLessThan(BOUND_SLACK);
    assertThat(p.stderr()).anyMatch(l -> l.contains("stopped: lock released"));
    assertThat(p.stderr()).filteredOn(l -> l.contains("leading: acquired")).hasSize(1); // the reload kept the lease
  }
}
