package dev.bugle.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import java.time.Duration;
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

/**
 * What the enqueuer contracts share: the backend-specific hooks that make and count, the contract's jobs, and an
 * enqueuer opened for each test. A backend's test extends {@link EnqueuerContract}, which layers on this.
 *
 * <p>Every job the contracts send carries its own id as its second argument ({@code args[1]}), so that backends
 * without a job id (Resque, a plain list) can still be counted.
 */
public abstract class EnqueuerFixture {
  private static final AtomicLong SEQUENCE = new AtomicLong();
  protected Enqueuer enqueuer;

  /** A new enqueuer against the real backend, with settings that {@link #timesEnqueued} can read back. */
  protected abstract Enqueuer newEnqueuer();

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

  /**
   * Sends {@code job} as the scheduler does: again after each retryable failure (a permanent one fails the test),
   * for at most {@code within}.
   */
  protected static void sendRetrying(Enqueuer target, JobRequest job, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      try {
        target.enqueue(job);
        return;
      } catch (EnqueueException e) {
        assertThat(e.retryable()).as("retryable: %s", e.getMessage()).isTrue();
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the send still fails after " + within, e);
        }
        Thread.sleep(200);
      }
    }
  }
}
