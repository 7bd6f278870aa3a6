package dev.bugle.lock.consul;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.support.JobJson;
import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.Lease;
import dev.bugle.spi.LockStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code inspect()}: what the lock key and its checkpoints say, read consistently, with no session created. Runs
 * against the emulator or a real Consul ({@code CONSUL_HTTP_ADDR}); the unreachable cases need neither.
 */
class InspectTest {
  private final String key = ConsulTarget.uniqueKey();
  private final List<LeaderLock> locks = new ArrayList<>();

  @AfterEach
  void close() {
    locks.forEach(LeaderLock::close);
  }

  private LeaderLock lock(String... extra) {
    LeaderLock lock = new ConsulLockProvider().create(ConsulTarget.settings(key, extra));
    locks.add(lock);
    return lock;
  }

  @Test
  void showsTheHolderItsTokenAndTheCheckpointsAndCreatesNoSession() throws Exception {
    Instant fire = Instant.parse("2026-03-01T10:00:00Z");
    ConsulLease held = (ConsulLease) lock().acquire(Duration.ZERO).orElseThrow();
    held.checkpoints().commit(Map.of("rates", fire));
    LeaderLock observer = lock();
    int sessionsBefore = sessionsNamedForKey();

    LockStatus status = observer.inspect();

    assertThat(status.problem()).isEmpty();
    assertThat(status.reachable()).isTrue();
    assertThat(status.holder()).hasValue("host " + InetAddress.getLocalHost().getHostName() + " pid "
        + ProcessHandle.current().pid() + " (session " + held.sessionId() + ")");
    assertThat(status.fencingToken()).hasValue(held.fencingToken());
    assertThat(status.since()).as("Consul keeps no session creation time").isEmpty();
    assertThat(status.checkpoints()).isEqualTo(Map.of("rates", fire));
    assertThat(sessionsNamedForKey()).as("inspect created no session").isEqualTo(sessionsBefore).isEqualTo(1);
    assertThat(held.isValid()).isTrue();
  }

  @Test
  void aKeyNobodyEverHeldIsReachableWithNothingInIt() {
    LockStatus status = lock().inspect();
    assertThat(status.reachable()).isTrue();
    assertThat(status.holder()).isEmpty();
    assertThat(status.fencingToken()).isEmpty();
    assertThat(status.checkpoints()).isEmpty();
  }

  @Test
  void unreadableCheckpointsAreAProblemButTheHolderIsStillShown() throws Exception {
    Lease held = lock().acquire(Duration.ZERO).orElseThrow();
    assertThat(ConsulTarget.put("/v1/kv/" + key + "/checkpoints", "{not json").statusCode()).isEqualTo(200);
    LockStatus status = lock().inspect();
    assertThat(status.reachable()).isTrue();
    assertThat(status.fencingToken()).hasValue(held.fencingToken());
    assertThat(status.problem()).hasValueSatisfying(p -> assertThat(p).contains(key + "/checkpoints"));
  }

  @Test
  void aClosedPortIsUnreachableAtOnceWithTheAddressMasked() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    LeaderLock lock = new ConsulLockProvider().create(ConsulTarget.settings(key,
        "address", "http://ops:hunter2@127.0.0.1:" + port));
    locks.add(lock);
    assertThat(lock.inspect().reachable()).isFalse(); // the first call also loads the client's classes
    long start = System.nanoTime();
    LockStatus status = lock.inspect();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
    assertThat(status.reachable()).isFalse();
    assertThat(status.problem()).hasValueSatisfying(p -> assertThat(p).contains("127.0.0.1:" + port)
        .doesNotContain("hunter2"));
  }

  @Test
  void aConsulThatNeverAnswersIsUnreachableWithinTheReadTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept()); // read nothing, answer nothing
          }
        } catch (Exception e) {
          // closed
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      LeaderLock lock = new ConsulLockProvider().create(ConsulTarget.settings(key,
          "address", "http://127.0.0.1:" + silent.getLocalPort(), "read-timeout", "1s"));
      locks.add(lock);
      assertThat(lock.inspect().reachable()).isFalse(); // the first call also loads the client's classes
      long start = System.nanoTime();
      LockStatus status = lock.inspect();
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(status.reachable()).isFalse();
      assertThat(took).as("ms, with a 1s read timeout").isBetween(900L, 2500L);
      for (Socket s : List.copyOf(accepted)) {
        s.close();
      }
    }
  }

  @Test
  void aClosedLockSaysSoInsteadOfThrowing() {
    LeaderLock lock = lock();
    lock.close();
    LockStatus status = lock.inspect();
    assertThat(status.reachable()).isFalse();
    assertThat(status.problem()).hasValueSatisfying(p -> assertThat(p).contains("closed"));
  }

  private int sessionsNamedForKey() throws Exception {
    JsonNode all = JobJson.mapper().readTree(ConsulTarget.http("GET", "/v1/session/list").body());
    int n = 0;
    for (JsonNode s : all) {
      n += ("bugle " + key).equals(s.path("Name").asText()) ? 1 : 0;
    }
    return n;
  }
}
