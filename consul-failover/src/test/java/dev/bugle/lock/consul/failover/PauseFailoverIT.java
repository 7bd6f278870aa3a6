package dev.bugle.lock.consul.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pause is kept in Consul's KV, so it holds across a failover: two real nodes, the schedule paused through
 * {@code bugle pause}, the leader stopped, and the standby that takes over skips the fires too; {@code bugle
 * resume} starts them again on the new leader, and no instant is sent twice.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PauseFailoverIT {
  @Test
  void aPauseSurvivesAFailoverAndAResumeReachesTheNewLeader() throws Exception {
    try (Cluster c = new Cluster(Duration.ofSeconds(3), Duration.ofSeconds(1))) {
      c.start();
      c.start();
      Node leader = c.awaitLeaderWithFires(2, Duration.ofSeconds(40));
      assertThat(c.bugle("pause", "tick", "--note", "nightly maintenance")).as(Files.readString(c.dir.resolve("cli.log")))
          .isZero();
      TimeUnit.MILLISECONDS.sleep(2_500); // applied within 2 s; a fire already in its lane may still land
      int atPause = c.allFires().size();
      leader.sigterm();
      assertThat(leader.exitCode(10)).as(c.logs()).isZero();
      Node next = awaitOtherLeader(c, leader);
      TimeUnit.SECONDS.sleep(4);
      assertThat(c.allFires()).as(c.logs()).hasSize(atPause);
      assertThat(next.logText()).as(c.logs()).contains("skipped while paused").contains("nightly maintenance");

      Instant resumed = Instant.now();
      assertThat(c.bugle("resume", "tick")).isZero();
      var fire = c.awaitFireByAnother(leader, resumed, Duration.ofSeconds(5));
      assertThat(fire).as(c.logs()).isPresent();
      assertThat(Duration.between(resumed, fire.get().enqueuedAt())).as(c.logs()).isLessThan(Duration.ofSeconds(3));
      // The paused period was not sent on resume: every fire after the resume is scheduled after it.
      List<Node.Fire> after = c.allFires().subList(atPause, c.allFires().size());
      assertThat(after).as(c.logs()).allSatisfy(f -> assertThat(f.scheduledAt()).isAfter(resumed.minusSeconds(1)));
      assertThat(c.allFires().stream().map(Node.Fire::scheduledAt).distinct().count()).isEqualTo(c.allFires().size());
    }
  }

  private static Node awaitOtherLeader(Cluster c, Node old) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      for (String name : List.of("node1", "node2")) {
        Node n = c.node(name);
        if (n != old && n.alive() && n.leading()) {
          return n;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no standby took over; " + c.logs());
  }
}
