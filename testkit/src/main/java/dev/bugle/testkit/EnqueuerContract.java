package dev.bugle.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Enqueuer} must show, in the style of ShedLock's
 * {@code AbstractLockProviderIntegrationTest}: each implementation's test extends this class against its real
 * backend and says how to count what arrived there.
 *
 * <p>Every job this contract sends carries its own id as its second argument ({@code args[1]}), so that
 * backends without a job id (Resque, a plain list) can still be counted.
 */
public abstract class EnqueuerContract {
  private static final AtomicLong SEQUENCE = new AtomicLong();
  protected Enqueuer enqueuer;

  /** A new enqueuer against the real backend, with settings that {@link #timesEnqueued} can read back. */
  protected abstract Enqueuer newEnqueuer();

  /** An enqueuer whose backend cannot be reached (for example a closed port on 127.0.0.1). */
  protected abstract Enqueuer newEnqueuerForUnreachableBackend();

  /** How many times {@code job} arrived in the backend (0, 1, or more for at-least-once backends). */
  protected abstract int timesEnqueued(JobRequest job) throws Exception;

  /** The queue the contract's jobs name; null means the backend's default. */
  protected String queue() {
    return null;
  }

  @BeforeEach
  void openEnqueuer() {
    enqueuer = newEnqueuer();
  }

  @AfterEach
  void closeEnqueuer() {
    if (enqueuer != null) {
      enqueuer.close();
    }
  }

  /** A job unique to this run, with args that exercise JSON: non-ASCII, numbers, nesting, null. */
  protected JobRequest newJob() {
    Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(SEQUENCE.incrementAndGet());
    String schedule = "contract-" + UUID.randomUUID();
    UUID id = JobRequest.idFor(TestSettings.NAMESPACE, schedule, at);
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("text", "Grüße, 世界");
    nested.put("list", Arrays.asList(1, 2.5, null, "x"));
    List<Object> args = new ArrayList<>(Arrays.asList("contract", id.toString(), 42, nested, null));
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("flag", true);
    return new JobRequest(id, TestSettings.NAMESPACE, schedule, at, "ContractJob", queue(), args, kwargs, Map.of());
  }

  @Test
  void enqueuedJobArrivesOnce() throws Exception {
    JobRequest job = newJob();
    enqueuer.enqueue(job);
    assertThat(timesEnqueued(job)).as("times %s arrived", job.id()).isEqualTo(1);
  }

  @Test
  void enqueueAllDeliversEveryJobOfTheBatch() throws Exception {
    List<JobRequest> jobs = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      jobs.add(newJob());
    }
    enqueuer.enqueueAll(jobs);
    for (JobRequest job : jobs) {
      assertThat(timesEnqueued(job)).as("times %s arrived", job.id()).isEqualTo(1);
    }
  }

  @Test
  void emptyBatchIsANoOp() {
    assertThatCode(() -> enqueuer.enqueueAll(List.of())).doesNotThrowAnyException();
  }

  @Test
  void sameFireTwiceMatchesTheDeduplicationPromise() throws Exception {
    JobRequest job = newJob();
    enqueuer.enqueue(job);
    enqueuer.enqueue(job);
    int expected = enqueuer.deduplicates() ? 1 : 2;
    assertThat(timesEnqueued(job)).as("deduplicates() is %s", enqueuer.deduplicates()).isEqualTo(expected);
  }

  @Test
  void batchResentAfterAPartialFailureMatchesTheDeduplicationPromise() throws Exception {
    JobRequest first = newJob();
    JobRequest second = newJob();
    enqueuer.enqueue(first);
    enqueuer.enqueueAll(List.of(first, second));
    assertThat(timesEnqueued(first)).isEqualTo(enqueuer.deduplicates() ? 1 : 2);
    assertThat(timesEnqueued(second)).isEqualTo(1);
  }

  @Test
  void unreachableBackendIsARetryableEnqueueException() {
    try (Enqueuer broken = newEnqueuerForUnreachableBackend()) {
      JobRequest job = newJob();
      assertThatThrownBy(() -> broken.enqueue(job))
          .isInstanceOf(EnqueueException.class)
          .satisfies(e -> assertThat(((EnqueueException) e).retryable()).isTrue());
      assertThatThrownBy(() -> broken.enqueueAll(List.of(job, newJob()))).isInstanceOf(EnqueueException.class);
    }
  }

  @Test
  void unusedEnqueuerClosesQuietly() {
    Enqueuer fresh = newEnqueuer();
    assertThatCode(fresh::close).doesNotThrowAnyException();
  }
}
