package dev.bugle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.CronTrigger;
import dev.bugle.core.EveryTrigger;
import dev.bugle.core.MisfirePolicy;
import dev.bugle.core.Schedule;
import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.FireEvent;
import dev.bugle.core.event.FireOutcome;
import dev.bugle.core.event.SchedulePlanned;
import dev.bugle.spi.Enqueuer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the scheduler tells its listeners, and how the bus delivers it. */
class ListenerSeamTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T10:00:30Z"));
  private final RecordingEnqueuer main = new RecordingEnqueuer();
  private final List<FireEvent> fires = new CopyOnWriteArrayList<>();
  private final List<SchedulePlanned> plans = new CopyOnWriteArrayList<>();
  private final BugleListener recorder = new BugleListener() {
    @Override
    public void onFire(FireEvent fire) {
      fires.add(fire);
    }

    @Override
    public void onPlanned(SchedulePlanned planned) {
      plans.add(planned);
    }
  };

  private Scheduler scheduler(FakeLease lease, Schedule... schedules) {
    Scheduler s = new Scheduler(List.of(schedules), Map.<String, Enqueuer>of("main", main), lease, "shop", now::get,
        new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)), recorder, null);
    s.start();
    return s;
  }

  @Test
  void aNeverFiredScheduleHasNoLastFireEvenAfterAFailover() {
    Map<String, Instant> store = new TreeMap<>();
    Schedule rates = Schedule.of("rates", EveryTrigger.of(Duration.ofHours(1)), "RatesJob", "main");
    scheduler(new FakeLease(store), rates);
    assertThat(plans.get(0).lastFire()).isEmpty();
    assertThat(plans.get(0).nextFire()).contains(Instant.parse("2026-11-27T11:00:00Z"));

    plans.clear();
    now.set(Instant.parse("2026-11-27T10:10:00Z"));
    scheduler(new FakeLease(store), rates); // a new leader, same store, still before the first fire
    assertThat(plans.get(0).lastFire()).isEmpty();

    now.set(Instant.parse("2026-11-27T11:00:00Z"));
    scheduler(new FakeLease(store), rates).runDueOnce();
    assertThat(plans.get(plans.size() - 1).lastFire()).contains(Instant.parse("2026-11-27T11:00:00Z"));
    plans.clear();
    scheduler(new FakeLease(store), rates); // and a successor sees the fire as the last one
    assertThat(plans.get(0).lastFire()).contains(Instant.parse("2026-11-27T11:00:00Z"));
  }

  @Test
  void eachOutcomeIsOneEventWithItsAttemptAndError() {
    Scheduler s = scheduler(new FakeLease(), Schedule.of("rates", EveryTrigger.of(Duration.ofMinutes(1)), "RatesJob",
        "main"));
    main.failNext = 1;
    now.set(Instant.parse("2026-11-27T10:01:00Z"));
    s.runDueOnce();
    now.set(Instant.parse("2026-11-27T10:01:00.200Z"));
    s.runDueOnce();
    assertThat(fires).extracting(FireEvent::outcome).containsExactly(FireOutcome.RETRYING, FireOutcome.ENQUEUED);
    assertThat(fires.get(0).attempt()).isEqualTo(1);
    assertThat(fires.get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("connection refused"));
    assertThat(fires.get(1).attempt()).isEqualTo(2);
    assertThat(fires.get(1).lateness()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void aFireTheBackendAlreadyHadIsDeduplicated() {
    RecordingEnqueuer dedupe = new RecordingEnqueuer() {
      @Override
      public Optional<java.util.Set<java.util.UUID>> enqueueAllReportingDuplicates(List<dev.bugle.core.JobRequest> jobs) {
        enqueueAll(jobs);
        return Optional.of(java.util.Set.of(jobs.get(0).id()));
      }
    };
    Scheduler s = new Scheduler(List.of(Schedule.of("rates", EveryTrigger.of(Duration.ofMinutes(1)), "RatesJob",
        "main")), Map.<String, Enqueuer>of("main", dedupe), new FakeLease(), "shop", now::get,
        new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)), recorder, null);
    s.start();
    now.set(Instant.parse("2026-11-27T10:01:00Z"));
    s.runDueOnce();
    assertThat(fires).extracting(FireEvent::outcome).containsExactly(FireOutcome.DEDUPLICATED);
  }

  @Test
  void missedFiresThatAreNotSentAreCountedWithTheirInstantsAndTheLimit() {
    Map<String, Instant> store = new TreeMap<>(Map.of("digest", Instant.parse("2026-11-27T04:00:00Z")));
    now.set(Instant.parse("2026-11-27T10:30:00Z"));
    Schedule hourly = Schedule.of("digest", CronTrigger.of("0 * * * *", ZoneOffset.UTC), "DigestJob", "main");
    Schedule s = new Schedule(hourly.name(), hourly.trigger(), hourly.zone(), hourly.job(), hourly.queue(),
        hourly.args(), hourly.kwargs(), hourly.options(), hourly.enqueuer(), MisfirePolicy.CATCH_UP,
        Duration.ofHours(3), 2, Duration.ZERO);
    scheduler(new FakeLease(store), s).runDueOnce();
    // 05:00-07:00 are older than the 3h window; of 08:00-10:00 the limit of 2 drops 08:00.
    assertThat(fires).filteredOn(f -> f.outcome() == FireOutcome.SKIPPED_MISFIRE)
        .extracting(f -> List.of(f.count(), f.first(), f.last(), f.error().orElseThrow()))
        .containsExactly(
            List.of(3, Instant.parse("2026-11-27T05:00:00Z"), Instant.parse("2026-11-27T07:00:00Z"),
                "misfire-window=3h"),
            List.of(1, Instant.parse("2026-11-27T08:00:00Z"), Instant.parse("2026-11-27T08:00:00Z"),
                "catch-up-limit=2"));
    assertThat(fires).filteredOn(f -> f.outcome() == FireOutcome.ENQUEUED).singleElement()
        .satisfies(f -> assertThat(f.count()).isEqualTo(2));
  }

  @Test
  void aListenerThatThrowsOrIsSlowDelaysNeitherTheEmitterNorTheOthers() throws Exception {
    EventBus bus = EventBus.async();
    CountDownLatch slowMayGo = new CountDownLatch(1);
    List<String> seen = new CopyOnWriteArrayList<>();
    CountDownLatch delivered = new CountDownLatch(3);
    bus.add(new BugleListener() {
      @Override
      public void onPlanned(SchedulePlanned planned) {
        throw new IllegalStateException("a broken listener");
      }
    });
    bus.add(new BugleListener() {
      @Override
      public void onPlanned(SchedulePlanned planned) {
        seen.add(planned.schedule());
        delivered.countDown();
        if (planned.schedule().equals("a")) {
          try {
            slowMayGo.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    });
    long start = System.nanoTime();
    for (String name : List.of("a", "b", "c")) {
      bus.onPlanned(new SchedulePlanned(Instant.EPOCH, name, Optional.empty(), Optional.empty()));
    }
    long emitNanos = System.nanoTime() - start;
    slowMayGo.countDown();
    assertThat(delivered.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).containsExactly("a", "b", "c");
    assertThat(Duration.ofNanos(emitNanos)).isLessThan(Duration.ofSeconds(1)); // not the listener's 5 s wait
    bus.close();
  }
}
