package dev.bugle.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.LeaseLostException;
import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.Lease;
import dev.bugle.spi.LockStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link LeaderLock} must show, modelled on ShedLock's
 * {@code AbstractLockProviderIntegrationTest}. Each implementation's test extends it; {@link #newContender()}
 * returns an independent contender (its own client, as another process would have) for one shared lock.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class LeaderLockContract {
  private final List<LeaderLock> opened = new ArrayList<>();

  /** A new, independent contender for the lock this test class uses. */
  protected abstract LeaderLock createContender();

  /** Makes {@code lease} lost the way the real world would (the lock service expires or takes it). */
  protected abstract void forceLoss(Lease lease) throws Exception;

  /** How long after {@link #forceLoss} the holder may take to notice. */
  protected Duration lossDetectionBound() {
    return Duration.ofSeconds(5);
  }

  /** How long a contender may take to get a lock that was just released with {@link Lease#close()}. */
  protected Duration handoverBound() {
    return Duration.ofSeconds(5);
  }

  /**
   * Whether this lock's {@link LeaderLock#inspect()} can tell the holder, its fencing token and the checkpoints. A
   * lock that cannot must keep the default, which says so ({@link dev.bugle.spi.LockStatus#unreachable}).
   */
  protected boolean canInspect() {
    return false;
  }

  protected final LeaderLock newContender() {
    LeaderLock lock = createContender();
    opened.add(lock);
    return lock;
  }

  @AfterEach
  void closeContenders() {
    opened.forEach(LeaderLock::close);
    opened.clear();
  }

  @Test
  void freeLockIsAcquiredAtOnce() throws Exception {
    Optional<Lease> lease = newContender().acquire(Duration.ZERO);
    assertThat(lease).isPresent();
    assertThat(lease.get().isValid()).isTrue();
    lease.get().close();
  }

  @Test
  void heldLockIsNotGivenToASecondContender() throws Exception {
    Lease held = newContender().acquire(Duration.ZERO).orElseThrow();
    assertThat(newContender().acquire(Duration.ZERO)).isEmpty();
    assertThat(newContender().acquire(Duration.ofMillis(300))).isEmpty();
    assertThat(held.isValid()).isTrue();
    held.close();
  }

  @Test
  void releasedLockIsHandedOverToAWaitingContender() throws Exception {
    Lease held = newContender().acquire(Duration.ZERO).orElseThrow();
    LeaderLock standby = newContender();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Optional<Lease>> waiting = pool.submit(() -> standby.acquire(handoverBound().multipliedBy(3)));
      Thread.sleep(200);
      assertThat(waiting.isDone()).as("standby must wait while the lock is held").isFalse();
      long released = System.nanoTime();
      held.close();
      assertThat(held.isValid()).isFalse();
      Lease next = waiting.get(handoverBound().toMillis() + 5_000, TimeUnit.MILLISECONDS).orElseThrow();
      assertThat(Duration.ofNanos(System.nanoTime() - released)).isLessThan(handoverBound());
      assertThat(next.fencingToken()).isGreaterThan(held.fencingToken());
      next.close();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fencingTokensGrowFromOneHolderToTheNext() throws Exception {
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < 4; i++) {
      Lease lease = newContender().acquire(handoverBound()).orElseThrow();
      assertThat(lease.fencingToken()).isGreaterThan(previous);
      previous = lease.fencingToken();
      lease.close();
    }
  }

  @Test
  void checkpointsSurviveAHandoverAndOnlyMoveForward() throws Exception {
    Instant t1 = Instant.parse("2026-03-01T10:00:00Z");
    Instant t2 = t1.plusSeconds(3600);
    Lease first = newContender().acquire(Duration.ZERO).orElseThrow();
    first.checkpoints().commit(Map.of("digest", t2, "rates", t1));
    first.checkpoints().commit(Map.of("digest", t1));
    first.close();

    Lease second = newContender().acquire(handoverBound()).orElseThrow();
    assertThat(second.checkpoints().load()).containsEntry("digest", t2).containsEntry("rates", t1);
    second.close();
  }

  @Test
  void checkpointWriteFailsOnceTheLeaseIsReleased() throws Exception {
    Lease lease = newContender().acquire(Duration.ZERO).orElseThrow();
    lease.close();
    assertThatThrownBy(() -> lease.checkpoints().commit(Map.of("s", Instant.EPOCH)))
        .isInstanceOf(LeaseLostException.class);
  }

  @Test
  void lossIsReportedOnceAndTheLeaseTurnsInvalid() throws Exception {
    Lease lease = newContender().acquire(Duration.ZERO).orElseThrow();
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch lost = new CountDownLatch(1);
    lease.onLost(() -> {
      calls.incrementAndGet();
      lost.countDown();
    });
    forceLoss(lease);
    assertThat(lost.await(lossDetectionBound().toMillis(), TimeUnit.MILLISECONDS))
        .as("onLost within %s", lossDetectionBound()).isTrue();
    assertThat(lease.isValid()).isFalse();
    assertThatThrownBy(() -> lease.checkpoints().commit(Map.of("s", Instant.EPOCH)))
        .isInstanceOf(LeaseLostException.class);
    AtomicInteger late = new AtomicInteger();
    lease.onLost(late::incrementAndGet);
    lease.close();
    assertThat(calls.get()).isEqualTo(1);
    assertThat(late.get()).as("onLost registered after the loss runs at once").isEqualTo(1);
  }

  @Test
  void closeDoesNotRunTheLossAction() throws Exception {
    Lease lease = newContender().acquire(Duration.ZERO).orElseThrow();
    AtomicInteger calls = new AtomicInteger();
    lease.onLost(calls::incrementAndGet);
    lease.close();
    lease.close();
    Thread.sleep(200);
    assertThat(calls.get()).isZero();
  }

  @Test
  void inspectShowsTheHolderItsTokenAndTheCheckpointsWithoutTakingTheLock() throws Exception {
    Instant t1 = Instant.parse("2026-03-01T10:00:00Z");
    LeaderLock holder = newContender();
    Lease lease = holder.acquire(Duration.ZERO).orElseThrow();
    lease.checkpoints().commit(Map.of("digest", t1));
    LeaderLock other = newContender();
    LockStatus held = other.inspect();
    if (!canInspect()) {
      assertThat(held.reachable()).as("a lock that cannot be inspected says so").isFalse();
      assertThat(held.problem()).isPresent();
      lease.close();
      return;
    }
    assertThat(held.reachable()).as(held.problem().orElse("")).isTrue();
    assertThat(held.holder()).as("the holder, in words").hasValueSatisfying(h -> assertThat(h).isNotBlank());
    assertThat(held.fencingToken()).hasValue(lease.fencingToken());
    assertThat(held.since()).isPresent();
    assertThat(held.checkpoints()).containsEntry("digest", t1);
    assertThat(holder.inspect()).as("the holder's own lock object tells the same").isEqualTo(held);
    assertThat(lease.isValid()).as("inspecting took nothing from the holder").isTrue();
    assertThat(newContender().acquire(Duration.ZERO)).as("the lock is still held").isEmpty();

    lease.close();
    LockStatus released = newContender().inspect();
    assertThat(released.holder()).as("nobody holds it after a release").isEmpty();
    assertThat(released.checkpoints()).containsEntry("digest", t1);
  }

  /** Several contenders fight for the lock; a non-atomic counter shows whether two ever held it together. */
  @Test
  void contendersNeverHoldTheLockTogether() throws Exception {
    int contenders = fuzzContenders();
    int rounds = fuzzRounds();
    int[] counter = {0};
    AtomicInteger holders = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    List<LeaderLock> locks = new ArrayList<>();
    for (int i = 0; i < contenders; i++) {
      locks.add(newContender());
    }
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (LeaderLock lock : locks) {
        results.add(pool.submit(() -> {
          int done = 0;
          while (done < rounds) {
            Optional<Lease> lease = lock.acquire(Duration.ofSeconds(30));
            if (lease.isEmpty()) {
              continue;
            }
            try (Lease held = lease.get()) {
              if (holders.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
              }
              for (int k = 0; k < 10; k++) {
                int read = counter[0];
                Thread.yield();
                counter[0] = read + 1;
              }
              holders.decrementAndGet();
              done++;
            }
          }
          return done;
        }));
      }
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get(100, TimeUnit.SECONDS);
      }
      assertThat(overlaps.get()).as("times two contenders held the lock together").isZero();
      assertThat(counter[0]).isEqualTo(total * 10).isEqualTo(contenders * rounds * 10);
    } finally {
      pool.shutdownNow();
    }
  }

  protected int fuzzContenders() {
    return 4;
  }

  protected int fuzzRounds() {
    return 10;
  }
}
