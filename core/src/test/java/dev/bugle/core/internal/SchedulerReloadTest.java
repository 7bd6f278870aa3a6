package dev.bugle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.EveryTrigger;
import dev.bugle.core.JobRequest;
import dev.bugle.core.Schedule;
import dev.bugle.spi.Enqueuer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A schedule set replaced on a live lease: what is added, removed, changed or kept, and no fire lost or twice. */
class SchedulerReloadTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T10:00:30Z"));
  private final RecordingEnqueuer main = new RecordingEnqueuer();
  private final RecordingEnqueuer other = new RecordingEnqueuer();
  private final FakeLease lease = new FakeLease();
  private final Map<String, Enqueuer> enqueuers = Map.of("main", main, "other", other);

  private Scheduler scheduler(Schedule... schedules) {
    Scheduler s = new Scheduler(List.of(schedules), enqueuers, lease, "shop", now::get,
        new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)));
    s.start();
    return s;
  }

  private static Schedule every(String name, Duration period, String enqueuer) {
    return Schedule.of(name, EveryTrigger.of(period), name + "Job", enqueuer);
  }

  private void at(String instant) {
    now.set(Instant.parse(instant));
  }

  @Test
  void anAddedScheduleIsPlannedFromNowWithoutAMisfire() {
    Scheduler s = scheduler(every("rates", Duration.ofMinutes(1), "main"));
    at("2026-11-27T10:05:30Z");
    s.replace(List.of(every("rates", Duration.ofMinutes(1), "main"), every("digest", Duration.ofHours(1), "main")),
        enqueuers);
    assertThat(lease.store).containsEntry("digest", Instant.parse("2026-11-27T10:05:30Z"));
    s.runDueOnce(); // rates missed 10:01..10:05 and sends its latest; digest sends nothing
    assertThat(main.jobs()).extracting(JobRequest::schedule).containsExactly("rates");
    at("2026-11-27T11:00:00Z");
    s.runDueOnce();
    assertThat(main.jobs()).extracting(JobRequest::schedule).contains("digest");
  }

  @Test
  void aRemovedScheduleStopsFiring() {
    Scheduler s = scheduler(every("rates", Duration.ofMinutes(1), "main"), every("old", Duration.ofMinutes(1), "main"));
    s.replace(List.of(every("rates", Duration.ofMinutes(1), "main")), enqueuers);
    at("2026-11-27T10:01:00Z");
    s.runDueOnce();
    at("2026-11-27T10:02:00Z");
    s.runDueOnce();
    assertThat(main.jobs()).extracting(JobRequest::schedule).containsExactly("rates", "rates");
  }

  @Test
  void aChangedScheduleIsReplannedFromItsCheckpointWithItsNewTrigger() {
    Scheduler s = scheduler(every("rates", Duration.ofMinutes(1), "main"));
    at("2026-11-27T10:01:00Z");
    s.runDueOnce();
    at("2026-11-27T10:01:10Z");
    s.replace(List.of(every("rates", Duration.ofSeconds(15), "other")), enqueuers);
    assertThat(s.nextFireTime()).contains(Instant.parse("2026-11-27T10:01:15Z"));
    at("2026-11-27T10:01:15Z");
    s.runDueOnce();
    assertThat(other.jobs()).extracting(JobRequest::scheduledAt).containsExactly(Instant.parse("2026-11-27T10:01:15Z"));
    assertThat(main.jobs()).hasSize(1);
  }

  @Test
  void anUnchangedScheduleIsNotTouchedAndReloadingOftenSendsEachFireOnce() {
    Scheduler s = scheduler(every("tick", Duration.ofSeconds(1), "main"));
    Instant t = Instant.parse("2026-11-27T10:00:30Z");
    for (int i = 0; i < 300; i++) { // reload every 200 ms for 60 s
      t = t.plusMillis(200);
      now.set(t);
      s.replace(List.of(every("tick", Duration.ofSeconds(1), "main")), enqueuers);
      s.runDueOnce();
    }
    List<Instant> sent = main.jobs().stream().map(JobRequest::scheduledAt).toList();
    assertThat(sent).doesNotHaveDuplicates().hasSize(60);
    assertThat(sent.get(0)).isEqualTo(Instant.parse("2026-11-27T10:00:31Z"));
    assertThat(sent.get(59)).isEqualTo(Instant.parse("2026-11-27T10:01:30Z"));
  }
}
