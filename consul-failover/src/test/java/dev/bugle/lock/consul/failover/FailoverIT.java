package dev.bugle.lock.consul.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Failover with real {@code bugle run} processes and the standalone emulator (TTL 3s, lock-delay 1s, a
 * schedule every second), as issue 3 asks: kill -9, SIGTERM, Consul gone, and three kills in a row.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FailoverIT {
  private static final Duration TTL = Duration.ofSeconds(3);
  private static final Duration LOCK_DELAY = Duration.ofSeconds(1);
  private static final Duration START = Duration.ofSeconds(40);

  @Test
  void afterAKillNineAStandbyFiresWithinTwiceTheTtlPlusLockDelayPlusTwoSeconds() throws Exception {
    try (Cluster c = new Cluster(TTL, LOCK_DELAY)) {
      c.start();
      c.start();
      Node leader = c.awaitLeaderWithFires(2, START);
      Instant killed = Instant.now();
      leader.kill9();
      var next = c.awaitFireByAnother(leader, killed, c.killBound().plusSeconds(5));
      assertThat(next).as(c.logs()).isPresent();
      assertThat(Duration.between(killed, next.get().enqueuedAt())).as(c.logs()).isLessThanOrEqualTo(c.killBound());
      assertNoFireTwice(c);
    }
  }

  @Test
  void afterASigtermAStandbyFiresWithinTwoSecondsAndTheLeaderExitsZero() throws Exception {
    try (Cluster c = new Cluster(TTL, LOCK_DELAY)) {
      c.start();
      c.start();
      Node leader = c.awaitLeaderWithFires(2, START);
      Instant stopped = Instant.now();
      leader.sigterm();
      var next = c.awaitFireByAnother(leader, stopped, Duration.ofSeconds(10));
      assertThat(next).as(c.logs()).isPresent();
      assertThat(Duration.between(stopped, next.get().enqueuedAt())).as(c.logs()).isLessThanOrEqualTo(Duration.ofSeconds(2));
      assertThat(leader.exitCode(10)).as(c.logs()).isZero();
      assertNoFireTwice(c);
    }
  }

  @Test
  void whenConsulIsGoneTheLeaderStopsFiringWithinTheTtlAndExitsFour() throws Exception {
    try (Cluster c = new Cluster(TTL, LOCK_DELAY)) {
      Node leader = c.start();
      c.awaitLeaderWithFires(2, START);
      Instant gone = Instant.now();
      c.consul.kill();
      int code = leader.exitCode(TTL.toSeconds() + 10);
      assertThat(code).as(c.logs()).isEqualTo(4);
      Instant lastFire = leader.fires().get(leader.fires().size() - 1).enqueuedAt();
      // The last good renew was sent before the outage, so the lease ended less than TTL after it.
      assertThat(lastFire).as(c.logs()).isBefore(gone.plus(TTL));
      assertThat(leader.logText()).contains("no successful renew within the TTL");
    }
  }

  @Test
  void threeKillsInARowNeverFireAnInstantTwiceAndEachGapIsBounded() throws Exception {
    try (Cluster c = new Cluster(TTL, LOCK_DELAY)) {
      c.start();
      c.start();
      for (int round = 0; round < 3; round++) {
        Node leader = c.awaitLeaderWithFires(2, START);
        leader.kill9();
        c.start(); // the orchestrator restarts the killed container
      }
      c.awaitLeaderWithFires(2, START);
      List<Node.Fire> fires = c.allFires();
      assertNoFireTwice(c);
      for (int i = 1; i < fires.size(); i++) {
        Duration gap = Duration.between(fires.get(i - 1).scheduledAt(), fires.get(i).scheduledAt());
        assertThat(gap).as("gap before %s; %s", fires.get(i), c.logs())
            .isLessThanOrEqualTo(c.killBound().plusSeconds(1));
      }
    }
  }

  private static void assertNoFireTwice(Cluster c) throws Exception {
    Set<Instant> seen = new HashSet<>();
    for (Node.Fire f : c.allFires()) {
      assertThat(seen.add(f.scheduledAt())).as("%s fired twice; %s", f.scheduledAt(), c.logs()).isTrue();
    }
  }
}
