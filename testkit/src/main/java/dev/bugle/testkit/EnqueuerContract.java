package dev.bugle.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Enqueuer} must show, in the style of ShedLock's
 * {@code AbstractLockProviderIntegrationTest}: each implementation's test extends this class against its real
 * backend and says how to make, count and break it. An enqueuer that talks to a server (every
 * backend) extends {@link BackendEnqueuerContract}, which adds the failure rules.
 */
public abstract class EnqueuerContract extends EnqueuerFixture {

  /** An enqueuer whose backend cannot be reached (for example a closed port on 127.0.0.1). */
  protected abstract Enqueuer newEnqueuerForUnreachableBackend();

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
  void unreachableBackendIsLoggedAtOpenAndARetryableEnqueueException() {
    try (Enqueuer broken = newEnqueuerForUnreachableBackend()) {
      assertThatCode(broken::open).as("open() during an outage").doesNotThrowAnyException();
      JobRequest job = newJob();
      EnqueueException e = catchThrowableOfType(EnqueueException.class, () -> broken.enqueue(job));
      assertThat(e).as("enqueue during an outage").isNotNull();
      assertThat(e.retryable()).as("retryable: %s", e.getMessage()).isTrue();
      EnqueueException batch = catchThrowableOfType(EnqueueException.class,
          () -> broken.enqueueAll(List.of(job, newJob())));
      assertThat(batch).as("enqueueAll during an outage").isNotNull();
      assertThat(batch.retryable()).as("retryable: %s", batch.getMessage()).isTrue();
    }
  }

  @Test
  void unusedEnqueuerClosesQuietly() {
    Enqueuer fresh = newEnqueuer();
    assertThatCode(fresh::close).doesNotThrowAnyException();
  }
}
