package dev.bugle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.EveryTrigger;
import dev.bugle.core.JobRequest;
import dev.bugle.core.Pause;
import dev.bugle.core.Schedule;
import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.FireEvent;
import dev.bugle.core.event.FireOutcome;
import dev.bugle.spi.Enqueuer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Pause and resume: skipped fires are counted, the checkpoint holds, and resume sends the paused period only when asked. */
class SchedulerPauseTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T10:00:30Z"));
  private final RecordingEnqueuer main = new RecordingEnqueuer();
  private final List<FireEvent> fires = new CopyOnWriteArrayList<>();
  private final FakeLease lease = new FakeLease();
  private final Schedule rates = Schedule.of("rates", EveryTrigger.of(Duration.ofMinutes(1)), "RatesJob", "main");

  private Scheduler scheduler(Map<String, Pause> pauses) {
    BugleListener l = new BugleListener() {
      @Override
      public void onFire(FireEvent fire) {
        fires.add(fire);
      }
    };
    Scheduler s = new Scheduler(List.of(rates), Map.<String, Enqueuer>of("main", main), lease, "shop", now::get,
        new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)), l, null);
    s.start(pauses);
    return s;
  }

  private void at(String instant) {
    now.set(Instant.parse(instant));
  }

  private static Pause paused(String at) {
    return new Pause(true, "db migration", "ops@host", Instant.parse(at), false);
  }

  private static Pause resumed(String at, boolean catchUp) {
    return new Pause(false, "", "ops@host", Instant.parse(at), catchUp);
  }

  private void tick(Scheduler s, String... instants) {
    for (String i : instants) {
      at(i);
      s.runDueOnce();
    }
  }

  @Test
  void firesWhilePausedAreSkippedAndCountedAndTheCheckpointHolds() {
    Scheduler s = scheduler(Map.of());
    tick(s, "2026-11-27T10:01:00Z");
    s.applyPauses(Map.of("rates", paused("2026-11-27T10:01:30Z")));
    tick(s, "2026-11-27T10:02:00Z", "2026-11-27T10:03:00Z");
    assertThat(main.jobs()).hasSize(1);
    assertThat(fires).filteredOn(f -> f.outcome() == FireOutcome.SKIPPED_PAUSED).hasSize(2)
        .allSatisfy(f -> assertThat(f.error()).hasValueSatisfying(e -> assertThat(e).contains("db migration")));
    assertThat(lease.store).containsEntry("rates", Instant.parse("2026-11-27T10:01:00Z"));
  }

  @Test
  void resumeDoesNotSendThePausedPeriod() {
    Scheduler s = scheduler(Map.of());
    s.applyPauses(Map.of("rates", paused("2026-11-27T10:00:40Z")));
    tick(s, "2026-11-27T10:01:00Z", "2026-11-27T10:02:00Z", "2026-11-27T10:02:30Z");
    s.applyPauses(Map.of("rates", resumed("2026-11-27T10:02:30Z", false)));
    tick(s, "2026-11-27T10:02:31Z", "2026-11-27T10:03:00Z");
    assertThat(main.jobs()).extracting(JobRequest::scheduledAt).containsExactly(Instant.parse("2026-11-27T10:03:00Z"));
  }

  @Test
  void resumeWithCatchUpSendsWhatThePauseSkippedPerTheMisfirePolicy() {
    Scheduler s = scheduler(Map.of());
    s.applyPauses(Map.of("rates", paused("2026-11-27T10:00:40Z")));
    tick(s, "2026-11-27T10:01:00Z", "2026-11-27T10:02:00Z", "2026-11-27T10:02:30Z");
    s.applyPauses(Map.of("rates", resumed("2026-11-27T10:02:30Z", true)));
    tick(s, "2026-11-27T10:02:30Z");
    // misfire=fire-once: the latest skipped fire
    assertThat(main.jobs()).extracting(JobRequest::scheduledAt).containsExactly(Instant.parse("2026-11-27T10:02:00Z"));
  }

  @Test
  void aLeaderTakingOverHonoursAPauseAndAResumeFromTheStore() {
    lease.store.put("rates", Instant.parse("2026-11-27T09:55:00Z"));
    at("2026-11-27T10:00:30Z");
    Scheduler s = scheduler(Map.of("rates", paused("2026-11-27T09:56:00Z")));
    s.runDueOnce(); // the missed 10:00 fire is skipped, not sent
    assertThat(main.jobs()).isEmpty();

    Scheduler next = scheduler(Map.of("rates", resumed("2026-11-27T10:00:20Z", false)));
    next.runDueOnce(); // planned from the resume: nothing missed to send
    assertThat(main.jobs()).isEmpty();
    tick(next, "2026-11-27T10:01:00Z");
    assertThat(main.jobs()).extracting(JobRequest::scheduledAt).containsExactly(Instant.parse("2026-11-27T10:01:00Z"));
  }
}
