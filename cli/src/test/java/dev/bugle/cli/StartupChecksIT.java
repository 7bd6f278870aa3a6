package dev.bugle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bugle run} against the real servers on 127.0.0.1 (scripts/services) with a permanent mistake only the
 * backend can tell: exit 2 at start-up naming the key, without the secret, instead of leading until the first fire.
 */
class StartupChecksIT {
  @TempDir
  Path tmp;

  /** Fails (never skips) when a server the test needs is not listening, naming what starts it. */
  private static void require(String what, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    } catch (IOException e) {
      fail(what + " is not listening on 127.0.0.1:" + port + " (" + e + "); start it with scripts/services");
    }
  }

  private BugleProcess run(String... enqueuerLines) {
    Workspace ws = new Workspace(tmp);
    String[] lines = new String[enqueuerLines.length + 3];
    System.arraycopy(enqueuerLines, 0, lines, 0, enqueuerLines.length);
    lines[enqueuerLines.length] = "bugle.schedule.tick.enqueuer=main";
    lines[enqueuerLines.length + 1] = "bugle.schedule.tick.every=1h";
    lines[enqueuerLines.length + 2] = "bugle.schedule.tick.job=TickJob";
    return BugleProcess.runToEnd(tmp, Map.of(), "run", ws.config("startup", lines).toString());
  }

  @Test
  void aWrongRabbitMqPasswordExitsTwoNamingTheUri() {
    require("RabbitMQ", 5672);
    String secret = "not-the-password-" + UUID.randomUUID();
    BugleProcess p = run("bugle.enqueuer.main.type=celery",
        "bugle.enqueuer.main.uri=amqp://guest:" + secret + "@127.0.0.1:5672/%2F");
    assertThat(p.exitCode()).as(p.transcript()).isEqualTo(2);
    String err = String.join("\n", p.stderr());
    assertThat(err).as(p.transcript()).contains("bugle: configuration error: bugle.enqueuer.main.uri: ")
        .contains("ACCESS_REFUSED").doesNotContain(secret);
    assertThat(p.stdout()).as("nothing enqueued").isEmpty();
  }

  @Test
  void aMissingDelayedJobTableExitsTwoNamingTheTable() {
    require("PostgreSQL", 5432);
    BugleProcess p = run("bugle.enqueuer.main.type=delayed-job",
        "bugle.enqueuer.main.jdbc-url=jdbc:postgresql://127.0.0.1:5432/test",
        "bugle.enqueuer.main.username=postgres",
        "bugle.enqueuer.main.table=bugle_it_no_such_table");
    assertThat(p.exitCode()).as(p.transcript()).isEqualTo(2);
    assertThat(String.join("\n", p.stderr())).as(p.transcript())
        .contains("bugle: configuration error: bugle.enqueuer.main.table: ");
  }

  @Test
  void aDatabaseThatIsDownOnlyWarnsAndBugleLeads() throws Exception {
    Workspace ws = new Workspace(tmp);
    Path config = ws.config("down", "bugle.enqueuer.main.type=delayed-job",
        "bugle.enqueuer.main.jdbc-url=jdbc:postgresql://127.0.0.1:1/test",
        "bugle.enqueuer.main.connection-timeout=500ms",
        "bugle.schedule.tick.enqueuer=main", "bugle.schedule.tick.every=1h", "bugle.schedule.tick.job=TickJob");
    try (BugleProcess p = BugleProcess.start(tmp, Map.of(), "run", config.toString())) {
      p.awaitStderr("leading: acquired", BugleProcess.STARTUP);
      assertThat(String.join("\n", p.stderr())).as(p.transcript()).contains("WARN")
          .contains("not reachable at start-up");
    }
  }
}
