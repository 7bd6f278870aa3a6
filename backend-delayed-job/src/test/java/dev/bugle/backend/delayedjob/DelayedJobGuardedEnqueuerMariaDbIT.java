package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.TestSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The guard on MariaDB, where a guarded job is two statements (claim, then insert) in one transaction: what
 * PostgreSQL gets from one statement has to come from the transaction and InnoDB's unique index here.
 */
class DelayedJobGuardedEnqueuerMariaDbIT extends DelayedJobGuardedEnqueuerCases {
  DelayedJobGuardedEnqueuerMariaDbIT() {
    super(TestDatabase.MARIADB);
  }

  @Test
  void aBatchThatFailsHalfWayLeavesNoClaimSoItsResendInsertsEachJobOnce() throws Exception {
    JobRequest first = newJob();
    JobRequest last = newJob();
    JobRequest tooLong = JobRequest.of(TestSettings.NAMESPACE, "too-long-" + first.schedule(), first.scheduledAt(),
        "ContractJob", "q".repeat(300), List.of(), Map.of(), Map.of()); // queue is VARCHAR(255): refused
    assertThatThrownBy(() -> enqueuer.enqueueAll(List.of(first, tooLong, last)))
        .isInstanceOf(EnqueueException.class)
        .satisfies(e -> assertThat(((EnqueueException) e).retryable()).isFalse());
    assertThat(timesEnqueued(first)).as("rolled back").isZero();
    assertThat(claims(first)).as("claim rolled back with its job").isZero();

    enqueuer.enqueueAll(List.of(first, last));
    enqueuer.enqueueAll(List.of(first, last, first));
    assertThat(timesEnqueued(first)).isOne();
    assertThat(timesEnqueued(last)).isOne();
  }

  @Test
  void aClaimHeldByAnotherTransactionMakesTheEnqueueWaitAndThenSeeIt() throws Exception {
    JobRequest job = newJob();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection other = db.connect()) {
      other.setAutoCommit(false);
      try (PreparedStatement ps = other.prepareStatement(
          "INSERT INTO " + guard + " (fire_id, created_at) VALUES (?, CURRENT_TIMESTAMP(6))")) {
        ps.setString(1, job.id().toString());
        ps.executeUpdate();
      }
      Future<?> enqueued = pool.submit(() -> {
        enqueuer.enqueue(job);
        return null;
      });
      Thread.sleep(500);
      assertThat(enqueued).as("waits on the other transaction's claim").isNotDone();
      other.commit();
      enqueued.get(20, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(timesEnqueued(job)).as("the other claim won").isZero();
    assertThat(claims(job)).isOne();
  }

  @Test
  void twoBuglesSendingTheSameFiresAtOnceInsertEachOnce() throws Exception {
    List<JobRequest> jobs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      jobs.add(newJob());
    }
    CyclicBarrier start = new CyclicBarrier(2);
    try (Enqueuer a = newEnqueuer(); Enqueuer b = newEnqueuer()) {
      CompletableFuture<Void> sentByA = CompletableFuture.runAsync(() -> send(a, jobs, start));
      CompletableFuture<Void> sentByB = CompletableFuture.runAsync(() -> send(b, jobs, start));
      CompletableFuture.allOf(sentByA, sentByB).get(60, TimeUnit.SECONDS);
    }
    for (JobRequest job : jobs) {
      assertThat(timesEnqueued(job)).as("times %s was inserted", job.id()).isOne();
    }
  }

  /** Sends once both are ready, retrying a retryable failure (a deadlock) as the scheduler does. */
  private static void send(Enqueuer enqueuer, List<JobRequest> jobs, CyclicBarrier start) {
    try {
      start.await(10, TimeUnit.SECONDS);
      for (int attempt = 1; ; attempt++) {
        try {
          enqueuer.enqueueAll(jobs);
          return;
        } catch (EnqueueException e) {
          if (!e.retryable() || attempt == 5) {
            throw e;
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
