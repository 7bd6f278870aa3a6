package dev.bugle.lock.consul.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A leader frozen with SIGSTOP past its TTL (TTL 3 s, frozen 10 s), with the lanes and the checkpoint thread that
 * send and commit off the planner: a standby takes over, and once thawed the old leader sends nothing at all (its
 * lease ran out on its monotonic clock, so every lane refuses before a send) and exits 4. Every instant from the
 * first fire to the last is there; the only one allowed twice is the old leader's last fire before the freeze,
 * which it may have sent without getting to checkpoint it (the log enqueuer is at-least-once).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FrozenLeaderIT {
  private static final Duration TTL = Duration.ofSeconds(3);

  @Test
  void aThawedLeaderSendsNothingAndExitsFourWhileTheStandbyKeepsEveryInstant() throws Exception {
    try (Cluster c = new Cluster(TTL, Duration.ofSeconds(1))) {
      c.start();
      c.start();
      Node frozen = c.awaitLeaderWithFires(2, Duration.ofSeconds(40));
      frozen.signal("STOP");
      Instant stoppedAt = Instant.now();
      var takeover = c.awaitFireByAnother(frozen, stoppedAt, c.killBound().plusSeconds(5));
      assertThat(takeover).as(c.logs()).isPresent();
      TimeUnit.MILLISECONDS.sleep(Math.max(0, 10_000 - Duration.between(stoppedAt, Instant.now()).toMillis()));
      int beforeThaw = frozen.fires().size();
      Instant thawed = Instant.now();
      frozen.signal("CONT");
      assertThat(frozen.exitCode(15)).as(c.logs()).isEqualTo(4);
      TimeUnit.SECONDS.sleep(2);

      assertThat(frozen.fires()).as("nothing sent after the thaw; %s", c.logs()).hasSize(beforeThaw)
          .allSatisfy(f -> assertThat(f.enqueuedAt()).isBefore(thawed));
      Instant lastBeforeFreeze = frozen.fires().get(frozen.fires().size() - 1).scheduledAt();
      String logs = c.logs();
      Map<Instant, Integer> count = new TreeMap<>();
      c.allFires().forEach(f -> count.merge(f.scheduledAt(), 1, Integer::sum));
      count.forEach((at, n) -> assertThat(n).as("%s sent %d times; %s", at, n, logs)
          .isLessThanOrEqualTo(at.equals(lastBeforeFreeze) ? 2 : 1));
      List<Instant> instants = List.copyOf(count.keySet());
      for (int i = 1; i < instants.size(); i++) {
        Duration gap = Duration.between(instants.get(i - 1), instants.get(i));
        assertThat(gap).as("gap before %s; %s", instants.get(i), c.logs())
            .isLessThanOrEqualTo(c.killBound().plusSeconds(1));
      }
    }
  }
}
