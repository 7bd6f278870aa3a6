package dev.bugle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.JobRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding example really runs: a real Bugle, a real lock, a real (one-second) schedule. */
class EmbeddedExampleTest {
  @Test
  void firesEverySecondIntoTheApplicationsOwnQueue(@TempDir Path dir) throws Exception {
    List<JobRequest> jobs = EmbeddedExample.runUntil(2, dir.toString());
    assertThat(jobs).hasSize(2);
    assertThat(jobs).allSatisfy(j -> assertThat(j.args()).containsExactly("hello"));
    assertThat(Duration.between(jobs.get(0).scheduledAt(), jobs.get(1).scheduledAt())).isEqualTo(Duration.ofSeconds(1));
  }
}
