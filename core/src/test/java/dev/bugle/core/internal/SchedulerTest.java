package dev.bugle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.AtTrigger;
import dev.bugle.core.CronTrigger;
import dev.bugle.core.EveryTrigger;
import dev.bugle.core.JobRequest;
import dev.bugle.core.MisfirePolicy;
import dev.bugle.core.Schedule;
import dev.bugle.core.Trigger;
import dev.bugle.spi.Enqueuer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The scheduler driven by a settable clock and {@code runDueOnce()}: no sleeping. */
class SchedulerTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T10:00:30Z"));
  private final InstantSource clock = now::get;
  private final RecordingEnqueuer main = new RecordingEnqueuer();
  private final RecordingEnqueuer other = new RecordingEnqueuer();
  private FakeLease lease = new FakeLease();

  private Scheduler scheduler(Schedule... schedules) {
    Scheduler s = new Scheduler(List.of(schedules), Map.<String, Enqueuer>of("main", main, "other", other), lease,
        "shop", clock, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5)));
    s.start();
    return s;
  }

  private void at(String instant) {
    now.set(Instant.parse(instant));
  }

  private static Schedule every(String name, Duration period, String enqueuer) {
    return Schedule.of(name, EveryTrigger.of(period), name + "Job", enqueuer);
  }

  private static Schedule with(Schedule s, MisfirePolicy policy, Duration window, int limit, Duration jitter) {
    return new Schedule(s.name(), s.trigger(), s.zone(), s.job(), s.queue(), s.args(), s.kwargs(), s.options(),
        s.enqueuer(), policy, window, limit, jitter);
  }

  @Test
  void firesOnlyWhenDueAndCommitsTheCheckpointAfterTheAck() {
    Scheduler s = scheduler(every("rates", Duration.ofMinutes(1), "main"));
    assertThat(s.runDueOnce()).isZero();
    at("2026-11-27T10:00:59.999Z");
    assertThat(s.runDueOnce()).isZero();
    at("2026-11-27T10:01:00Z");
    assertThat(s.runDueOnce()).isEqualTo(1);
    JobRequest job = main.jobs().get(0);
    assertThat(job.scheduledAt()).isEqualTo(Instant.parse("2026-11-27T10:01:00Z"));
    assertThat(job.id()).isEqualTo(JobRequest.idFor("shop", "rates", job.scheduledAt()));
    assertThat(lease.store).containsEntry("rates", Instant.parse("2026-11-27T10:01:00Z"));
    assertThat(s.nextFireTime()).contains(Instant.parse("2026-11-27T10:02:00Z"));
  }

  @Test
  void aFreshScheduleRecordsWhereItStartedSoThatASuccessorCatchesUp() {
    scheduler(every("rates", Duration.ofMinutes(1), "main"));
    assertThat(lease.commits).hasSize(1);
    assertThat(lease.store).containsEntry("rates", Instant.parse("2026-11-27T10:00:30Z"));
  }

  @Test
  void firesDueTogetherGoOutAsOneBatchPerEnqueuer() {
    Scheduler s = scheduler(every("a", Duration.ofMinutes(1), "main"), every("b", Duration.ofMinutes(1), "main"),
        every("c", Duration.ofMinutes(1), "other"));
    at("2026-11-27T10:01:00Z");
    assertThat(s.runDueOnce()).isEqualTo(3);
    assertThat(main.batches).hasSize(1);
    assertThat(main.batches.get(0)).extracting(JobRequest::schedule).containsExactlyInAnyOrder("a", "b");
    assertThat(other.batches).hasSize(1);
    assertThat(lease.commits.get(lease.commits.size() - 1)).containsOnlyKeys("a", "b", "c");
  }

  @Test
  void nothingIsSentOnceTheLeaseIsInvalid() {
    Scheduler s = scheduler(every("rates", Duration.ofMinutes(1), "main"));
    lease.valid = false;
    at("2026-11-27T10:05:00Z");
    assertThat(s.runDueOnce()).isZero();
    assertThat(main.calls).isZero();
    assertThat(s.isLost()).isTrue();
  }

  @Test
  void aRefusedCheckpointMeansTheLeaseIsLost() {
    Scheduler s = scheduler(every("rates", Duration.ofMinutes(1), "main"));
    lease.refuseCommits = true;
    at("2026-11-27T10:01:00Z");
    s.runDueOnce();
    assertThat(s.isLost()).isTrue();
    assertThat(lease.store).containsEntry("rates", Instant.parse("2026-11-27T10:00:30Z"));
  }

  @Test
  void aCheckpointWriteThatCannotBeConfirmedIsRetriedAndCoalescedWhileTheLeaseIsValid() {
    java.util.concurrent.atomic.AtomicInteger unreachable = new java.util.concurrent.atomic.AtomicInteger(2);
    lease = new FakeLease() {
      @Override
      public void commit(Map<String, Instant> fires) {
        if (fires.containsKey("rates") && fires.get("rates").isAfter(Instant.parse("2026-11-27T10:00:30Z"))
            && unreachable.getAndDecrement() > 0) {
          throw new dev.bugle.core.LockException("consul unreachable");
        }
        super.commit(fires);
      }
    };
    Scheduler s = scheduler(every("rates", Duration.ofMinutes(1), "main"));
    at("2026-11-27T10:01:00Z");
    assertThat(s.runDueOnce()).isEqualTo(1);
    at("2026-11-27T10:02:00Z");
    assertThat(s.runDueOnce()).isEqualTo(1); // the store is still down: fires keep going out
    assertThat(s.isLost()).isFalse();
    assertThat(lease.store).containsEntry("rates", Instant.parse("2026-11-27T10:00:30Z"));
    at("2026-11-27T10:03:00Z");
    assertThat(s.runDueOnce()).isEqualTo(1); // the store is back: one write carries the latest fire
    assertThat(lease.store).containsEntry("rates", Instant.parse("2026-11-27T10:03:00Z"));
    assertThat(main.jobs()).hasSize(3);
  }

  @Test
  void aCheckpointWriteThatFailsOnceTheLeaseIsInvalidIsALoss() {
    lease = new FakeLease() {
      @Override
      public void commit(Map<String, Instant> fires) {
        if (fires.containsKey("rates") && fires.get("rates").isAfter(Instant.parse("2026-11-27T10:00:30Z"))) {
          valid = false; // the store stayed unreachable until the lease ran out
          throw new dev.bugle.core.LockException("consul unreachable");
        }
        super.commit(fires);
      }
    };
    Scheduler s = scheduler(every("rates", Duration.ofMinutes(1), "main"));
    at("2026-11-27T10:01:00Z");
    s.runDueOnce();
    assertThat(s.isLost()).isTrue();
  }

  @Test
  void aFailedSendIsRetriedWithBackoffAndCheckpointedOnlyOnceAcknowledged() {
    Scheduler s = scheduler(every("rates", Duration.ofMinutes(1), "main"));
    main.failNext = 2;
    at("2026-11-27T10:01:00Z");
    assertThat(s.runDueOnce()).isZero();
    assertThat(lease.store.get("rates")).isBefore(Instant.parse("2026-11-27T10:01:00Z"));
    assertThat(s.nextFireTime()).contains(Instant.parse("2026-11-27T10:01:00.200Z"));
    at("2026-11-27T10:01:00.200Z");
    assertThat(s.runDueOnce()).isZero();
    assertThat(s.nextFireTime()).contains(Instant.parse("2026-11-27T10:01:00.600Z"));
    at("2026-11-27T10:01:00.600Z");
    assertThat(s.runDueOnce()).isEqualTo(1);
    assertThat(main.jobs()).extracting(JobRequest::scheduledAt).containsExactly(Instant.parse("2026-11-27T10:01:00Z"));
    assertThat(lease.store).containsEntry("rates", Instant.parse("2026-11-27T10:01:00Z"));
  }

  @Test
  void backoffCountsFromTheFailureNotFromWhenTheSendStarted() {
    Scheduler s = scheduler(every("rates", Duration.ofMinutes(1), "main"));
    main.failNext = 1;
    main.during = () -> now.set(now.get().plusSeconds(3)); // a backend that takes 3 s to fail
    at("2026-11-27T10:01:00Z");
    s.runDueOnce();
    assertThat(s.nextFireTime()).contains(Instant.parse("2026-11-27T10:01:03.200Z"));
  }

  @Test
  void retriesStopAtTheEndOfTheMisfireWindowAndTheNextFireIsPlanned() {
    Scheduler s = scheduler(with(every("rates", Duration.ofHours(1), "main"), MisfirePolicy.FIRE_ONCE,
        Duration.ofSeconds(1), 100, Duration.ZERO));
    main.failNext = 1_000;
    at("2026-11-27T11:00:00Z");
    s.runDueOnce();
    at("2026-11-27T11:00:02Z");
    s.runDueOnce();
    assertThat(s.nextFireTime()).contains(Instant.parse("2026-11-27T12:00:00Z"));
    assertThat(main.jobs()).isEmpty();
  }

  @Test
  void aPermanentFailureIsGivenUpAtOnce() {
    Scheduler s = scheduler(every("rates", Duration.ofMinutes(1), "main"));
    main.failNext = 1;
    main.retryable = false;
    at("2026-11-27T10:01:00Z");
    s.runDueOnce();
    assertThat(main.calls).isEqualTo(1);
    assertThat(s.nextFireTime()).contains(Instant.parse("2026-11-27T10:02:00Z"));
  }

  @Test
  void aPartlyRefusedBatchCommitsTheFiresThatWentIn() {
    Scheduler s = scheduler(every("good", Duration.ofMinutes(1), "main"), every("bad", Duration.ofMinutes(1), "main"));
    main.refuse = java.util.Set.of("bad");
    at("2026-11-27T10:01:00Z");
    assertThat(s.runDueOnce()).isEqualTo(1);
    assertThat(lease.store).containsEntry("good", Instant.parse("2026-11-27T10:01:00Z"));
    assertThat(lease.store.get("bad")).isBefore(Instant.parse("2026-11-27T10:01:00Z"));
    assertThat(s.nextFireTime()).contains(Instant.parse("2026-11-27T10:02:00Z"));
  }

  private Scheduler takeOver(MisfirePolicy policy, int limit) {
    Map<String, Instant> store = new TreeMap<>(Map.of("digest", Instant.parse("2026-11-27T06:00:00Z")));
    lease = new FakeLease(store);
    at("2026-11-27T10:30:00Z");
    return scheduler(with(Schedule.of("digest", CronTrigger.of("0 * * * *", ZoneOffset.UTC), "DigestJob", "main"),
        policy, Duration.ofHours(3), limit, Duration.ZERO));
  }

  @Test
  void misfireFireOnceSendsTheLatestMissedFireInsideTheWindow() {
    Scheduler s = takeOver(MisfirePolicy.FIRE_ONCE, 100);
    s.runDueOnce();
    assertThat(main.jobs()).extracting(JobRequest::scheduledAt).containsExactly(Instant.parse("2026-11-27T10:00:00Z"));
    assertThat(s.nextFireTime()).contains(Instant.parse("2026-11-27T11:00:00Z"));
  }

  @Test
  void misfireCatchUpSendsEveryMissedFireInsideTheWindowOldestFirst() {
    Scheduler s = takeOver(MisfirePolicy.CATCH_UP, 100);
    s.runDueOnce();
    // 07:00 is outside the 3h window that ends at 10:30; 08:00, 09:00 and 10:00 are inside.
    assertThat(main.jobs()).extracting(JobRequest::scheduledAt).containsExactly(
        Instant.parse("2026-11-27T08:00:00Z"), Instant.parse("2026-11-27T09:00:00Z"),
        Instant.parse("2026-11-27T10:00:00Z"));
    assertThat(lease.store).containsEntry("digest", Instant.parse("2026-11-27T10:00:00Z"));
  }

  @Test
  void misfireCatchUpIsBoundedByItsLimit() {
    Scheduler s = takeOver(MisfirePolicy.CATCH_UP, 2);
    s.runDueOnce();
    assertThat(main.jobs()).extracting(JobRequest::scheduledAt).containsExactly(
        Instant.parse("2026-11-27T09:00:00Z"), Instant.parse("2026-11-27T10:00:00Z"));
  }

  @Test
  void misfireSkipSendsNothingAndWaitsForTheNextFire() {
    Scheduler s = takeOver(MisfirePolicy.SKIP, 100);
    assertThat(s.runDueOnce()).isZero();
    assertThat(s.nextFireTime()).contains(Instant.parse("2026-11-27T11:00:00Z"));
  }

  @Test
  void aFireEnqueuedButNotCheckpointedIsResentWithTheSameIdByTheNextLeader() {
    Map<String, Instant> store = new TreeMap<>();
    lease = new FakeLease(store);
    Scheduler first = scheduler(every("digest", Duration.ofMinutes(1), "main"));
    lease.refuseCommits = true;
    at("2026-11-27T10:01:00Z");
    first.runDueOnce();
    assertThat(first.isLost()).isTrue();

    lease = new FakeLease(store);
    at("2026-11-27T10:01:05Z");
    scheduler(every("digest", Duration.ofMinutes(1), "main")).runDueOnce();
    assertThat(main.jobs()).hasSize(2);
    assertThat(main.jobs().get(1).id()).isEqualTo(main.jobs().get(0).id());
  }

  @Test
  void jitterDelaysTheFireButKeepsTheScheduledInstantAndId() {
    Schedule s0 = with(every("rates", Duration.ofHours(1), "main"), MisfirePolicy.FIRE_ONCE, Duration.ofHours(1), 100,
        Duration.ofMinutes(10));
    Duration offset = s0.jitterOffset();
    assertThat(offset).isPositive().isLessThan(Duration.ofMinutes(10));
    Scheduler s = scheduler(s0);
    // At 10:00:30 the 10:00 fire's jittered time has not come yet, so it is the next one.
    Instant nominal = Instant.parse("2026-11-27T10:00:00Z");
    assertThat(s.nextFireTime()).contains(nominal.plus(offset));
    now.set(nominal.plus(offset).minusMillis(1));
    assertThat(s.runDueOnce()).isZero();
    now.set(nominal.plus(offset));
    assertThat(s.runDueOnce()).isEqualTo(1);
    assertThat(main.jobs().get(0).scheduledAt()).isEqualTo(nominal);
  }

  @Test
  void anAtScheduleFiresOnceAndIsDone() {
    Trigger at = new AtTrigger(Instant.parse("2026-11-27T10:10:00Z"));
    Scheduler s = scheduler(Schedule.of("launch", at, "LaunchJob", "main"));
    at("2026-11-27T10:10:00Z");
    assertThat(s.runDueOnce()).isEqualTo(1);
    assertThat(s.nextFireTime()).isEmpty();
  }

  @Test
  void stopAndLossEndTheLoopPromptly() throws Exception {
    Scheduler s = scheduler(every("rates", Duration.ofHours(1), "main"));
    Thread loop = new Thread(s::runLoop);
    loop.start();
    s.stop();
    loop.join(1_000);
    assertThat(loop.isAlive()).isFalse();

    Scheduler s2 = scheduler(every("rates", Duration.ofHours(1), "main"));
    Thread loop2 = new Thread(s2::runLoop);
    loop2.start();
    s2.markLost("test");
    loop2.join(1_000);
    assertThat(loop2.isAlive()).isFalse();
  }
}
