package dev.bugle.lock.consul.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.testkit.TcpProxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while leading with Consul unreachable: the release gives up quickly, says so, and the process exits 0
 * within 2 s; the session then dies by its TTL. Consul "hangs": a {@link TcpProxy} in front of the emulator stops
 * passing its replies, so every request waits for its read timeout (5 s by default, for release and again for the
 * session's destroy).
 */
class ReleaseIT {
  @Test
  void sigtermWithConsulHungGivesUpTheReleaseQuicklyAndExitsZero() throws Exception {
    Path dir = Files.createTempDirectory("bugle-release-");
    try (EmulatorProcess consul = EmulatorProcess.start(dir);
        TcpProxy proxy = new TcpProxy(URI.create(consul.address()).getPort())) {
      Path config = Files.writeString(dir.resolve("bugle.properties"), String.join("\n",
          "bugle.namespace=release-" + UUID.randomUUID().toString().substring(0, 8),
          "bugle.lock=consul",
          "bugle.lock.consul.address=http://127.0.0.1:" + proxy.port(),
          "bugle.lock.consul.ttl=10s",
          "bugle.enqueuer.out.type=log",
          // Never due during the test: the only Consul calls are the lock's own.
          "bugle.schedule.weekly.cron=0 9 * * MON",
          "bugle.schedule.weekly.job=Weekly", ""));
      try (Node node = Node.start(dir, "leader", config)) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        // Past the start-up checkpoint read and write ("planned"): from then on only the lease talks to Consul.
        while (!node.logText().contains("Scheduler - planned")) {
          assertThat(System.nanoTime() - deadline).as("not planned within 30 s:\n" + node.logText()).isNegative();
          assertThat(node.alive()).as(node.logText()).isTrue();
          Thread.sleep(50);
        }
        proxy.holdReplies(true);
        Thread.sleep(200);

        long signalled = System.nanoTime();
        node.sigterm();
        int code = node.exitCode(30);
        Duration took = Duration.ofNanos(System.nanoTime() - signalled);
        System.out.println("ReleaseIT: exited " + took.toMillis() + " ms after SIGTERM");

        assertThat(code).as(node.logText()).isZero();
        assertThat(took).as(node.logText()).isLessThan(Duration.ofMillis(2500));
        assertThat(node.logText()).containsPattern(
            "could not release the lock: .+; a standby takes over after the TTL");
      }
    }
  }
}
