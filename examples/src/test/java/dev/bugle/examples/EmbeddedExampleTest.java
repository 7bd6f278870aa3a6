package dev.bugle.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.Bugle;
import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import dev.bugle.core.Schedule;
import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.FireEvent;
import dev.bugle.core.event.FireOutcome;
import dev.bugle.core.event.NodeState;
import dev.bugle.core.event.StateChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding example really runs: a real Bugle, a real lock, a real (one-second) schedule. */
class EmbeddedExampleTest {
  @Test
  void firesEverySecondIntoTheApplicationsOwnQueueAndReleasesTheLockOnClose(@TempDir Path dir) throws Exception {
    List<FireEvent> fires = new CopyOnWriteArrayList<>();
    List<NodeState> states = new CopyOnWriteArrayList<>();
    BugleListener listener = new BugleListener() {
      @Override
      public void onFire(FireEvent fire) {
        fires.add(fire);
      }

      @Override
      public void onStateChange(StateChange change) {
        states.add(change.state());
      }
    };
    List<JobRequest> jobs = EmbeddedExample.runUntil(2, dir.toString(), listener);
    assertThat(jobs).hasSize(2);
    assertThat(jobs).allSatisfy(j -> assertThat(j.args()).containsExactly("hello"));
    assertThat(Duration.between(jobs.get(0).scheduledAt(), jobs.get(1).scheduledAt())).isEqualTo(Duration.ofSeconds(1));
    assertThat(fires).filteredOn(f -> f.outcome() == FireOutcome.ENQUEUED).hasSizeGreaterThanOrEqualTo(2);
    assertThat(states).startsWith(NodeState.STANDBY, NodeState.LEADING).endsWith(NodeState.STOPPED);

    // close() released the lock: a second node takes it at once.
    try (Bugle next = Bugle.builder().namespace("embedded").lock("local", Map.of("dir", dir.toString()))
        .lockWait(Duration.ZERO).build()) {
      next.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (!next.isLeading() && next.outcome().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(next.isLeading()).isTrue();
    }
  }

  @Test
  void aTypedScheduleMistakeNamesTheField() {
    assertThatThrownBy(() -> Schedule.builder("rates").cron("61 * * * *").job("RatesJob").enqueuer("app").build())
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("Schedule.builder(\"rates\").cron:");
    assertThatThrownBy(() -> Schedule.builder("rates").cron("0 * * * *").enqueuer("app").build())
        .isInstanceOf(ConfigException.class).hasMessageContaining(".job").hasMessageContaining("e.g.");
    assertThatThrownBy(() -> Bugle.builder().schedule(Schedule.builder("rates").cron("0 * * * *").job("J")
        .enqueuer("nope").build()).build())
        .isInstanceOf(ConfigException.class).hasMessageContaining("'nope'").hasMessageContaining("configured: [log]");
  }

  @Test
  void readmesEmbeddingSnippetIsTheCodeThisTestRuns() throws Exception {
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    String source = Files.readString(root.resolve("examples/src/main/java/dev/bugle/examples/EmbeddedExample.java"));
    String snippet = source.substring(source.indexOf("// snippet: begin") + "// snippet: begin".length(),
        source.indexOf("// snippet: end"));
    String readme = Files.readString(root.resolve("README.md"));
    assertThat(normalize(readme)).contains(normalize(snippet));
  }

  private static String normalize(String code) {
    return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
  }
}
