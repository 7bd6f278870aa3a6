package dev.bugle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.EveryTrigger;
import dev.bugle.core.JobRequest;
import dev.bugle.core.Schedule;
import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.FireEvent;
import dev.bugle.core.event.FireOutcome;
import dev.bugle.spi.Enqueuer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each enqueuer sends on its own lane: a hung backend holds up only its own schedules. */
class SchedulerLanesTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T10:00:30Z"));
  private final InstantSource clock = now::get;
  private final RecordingEnqueuer healthy = new RecordingEnqueuer();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch hungEntered = new CountDownLatch(1);
  private final RecordingEnqueuer hung = new RecordingEnqueuer();
  private final List<FireEvent> fires = new CopyOnWriteArrayList<>();
  private final List<dev.bugle.core.event.SchedulePlanned> plans = new CopyOnWriteArrayList<>();
  private final FakeLease lease = new FakeLease();
  private Scheduler scheduler;

  @AfterEach
  void tearDown() {
    release.countDown();
    if (scheduler != null) {
      scheduler.shutDown();
    }
  }

  private Scheduler start() {
    hung.during = () -> {
      hungEntered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) { // as a client whose socket read is interrupted: no reply, no ack
        Thread.currentThread().interrupt();
        throw new dev.bugle.core.EnqueueException("interrupted", e, true);
      }
    };
    BugleListener listener = new BugleListener() {
      @Override
      public void onFire(FireEvent fire) {
        fires.add(fire);
      }

      @Override
      public void onPlanned(dev.bugle.core.event.SchedulePlanned planned) {
        plans.add(planned);
      }
    };
    scheduler = new Scheduler(List.of(every("rates", "healthy"), every("digest", "hung")),
        Map.<String, Enqueuer>of("healthy", healthy, "hung", hung), lease, "shop", clock, Backoff.DEFAULT, listener,
        new Heartbeat(System::nanoTime));
    scheduler.start();
    return scheduler;
  }

  private static Schedule every(String name, String enqueuer) {
    return Schedule.of(name, EveryTrigger.of(Duration.ofMinutes(1)), name + "Job", enqueuer);
  }

  /**
   * Runs the planner's step until {@code healthy} has {@code n} acknowledged fires and the planner has handled
   * the last of them (planned the next fire); bounded.
   */
  private void stepUntilHealthyHas(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while ((acked("rates") < n || !planned("rates", n)) && System.nanoTime() < deadline) {
      scheduler.runDueOnce();
      Thread.onSpinWait();
    }
  }

  /** Whether the planner has planned {@code schedule}'s fire after its {@code n}-th one. */
  private boolean planned(String schedule, int n) {
    return plans.stream().filter(p -> p.schedule().equals(schedule)).count() >= n + 1;
  }

  /** The committer writes on its own thread: waits (bounded) for the checkpoint to arrive. */
  private void awaitCheckpoint(String schedule, Instant expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!expected.equals(lease.store.get(schedule)) && System.nanoTime() < deadline) {
      scheduler.runDueOnce(); // the lane's outcome may reach the planner after its event reached the listener
      Thread.sleep(5);
    }
    assertThat(lease.store).containsEntry(schedule, expected);
  }

  private long acked(String schedule) {
    return fires.stream().filter(f -> f.schedule().equals(schedule) && f.outcome() == FireOutcome.ENQUEUED).count();
  }

  @Test
  void aHungBackendDoesNotDelayAnotherBackendsFires() throws Exception {
    start();
    now.set(Instant.parse("2026-11-27T10:01:00Z"));
    scheduler.runDueOnce();
    assertThat(hungEntered.await(5, TimeUnit.SECONDS)).isTrue();
    stepUntilHealthyHas(1);
    now.set(Instant.parse("2026-11-27T10:02:00Z"));
    stepUntilHealthyHas(2);
    now.set(Instant.parse("2026-11-27T10:03:00Z"));
    stepUntilHealthyHas(3);

    assertThat(healthy.jobs()).extracting(JobRequest::scheduledAt).containsExactly(
        Instant.parse("2026-11-27T10:01:00Z"), Instant.parse("2026-11-27T10:02:00Z"),
        Instant.parse("2026-11-27T10:03:00Z"));
    awaitCheckpoint("rates", Instant.parse("2026-11-27T10:03:00Z"));
    // The hung schedule has one fire in flight and nothing more is queued for it meanwhile.
    assertThat(hung.calls).isEqualTo(1);
    assertThat(lease.store.get("digest")).isEqualTo(Instant.parse("2026-11-27T10:00:30Z"));

    release.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (acked("digest") < 2 && System.nanoTime() < deadline) {
      scheduler.runDueOnce(); // its reply comes; its missed 10:02 and 10:03 fires follow per fire-once
      Thread.onSpinWait();
    }
    scheduler.runDueOnce();
    assertThat(hung.jobs()).extracting(JobRequest::scheduledAt).containsExactly(
        Instant.parse("2026-11-27T10:01:00Z"), Instant.parse("2026-11-27T10:03:00Z"));
    scheduler.stop();
  }

  @Test
  void aStopAbandonsAHungSendWithinItsBoundAndCommitsTheRest() throws Exception {
    start();
    now.set(Instant.parse("2026-11-27T10:01:00Z"));
    scheduler.runDueOnce();
    assertThat(hungEntered.await(5, TimeUnit.SECONDS)).isTrue();
    Thread loop = new Thread(scheduler::runLoop);
    loop.start();
    long started = System.nanoTime();
    scheduler.stop();
    loop.join(5_000);
    assertThat(loop.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(lease.store).containsEntry("rates", Instant.parse("2026-11-27T10:01:00Z"));
    assertThat(lease.store.get("digest")).isEqualTo(Instant.parse("2026-11-27T10:00:30Z"));
  }

  @Test
  void aLostLeaseLeavesNoLaneOrCheckpointThreadBehind() throws Exception {
    release.countDown(); // nothing hangs here
    start();
    Thread loop = new Thread(scheduler::runLoop);
    loop.start();
    scheduler.markLost("test");
    loop.join(5_000);
    assertThat(loop.isAlive()).isFalse();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (bugleThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(bugleThreads()).isZero();
  }

  private static long bugleThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .filter(t -> t.getName().startsWith("bugle-checkpoints") || t.getName().startsWith("bugle-lane-")).count();
  }
}
