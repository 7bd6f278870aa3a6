package dev.bugle.backend.jobrunr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jobrunr.jobs.Job;
import org.jobrunr.storage.ConcurrentJobModificationException;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageException;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;

/**
 * The ways a save can report an already stored id. PostgreSQL and MariaDB both fail a whole batch on a duplicate
 * (the contract ITs show it); the skipped-rows report is JobRunr's other way, checked here with a fake storage.
 */
class DedupingSaverTest {
  private final DedupingSaver saver = new DedupingSaver(new SqlFailures("jdbc:postgresql://db/jobs", null));
  private final JobFactory factory = new JobFactory(InstantSource.system());
  private final Set<UUID> stored = new HashSet<>();
  private final List<String> calls = new ArrayList<>();
  private RuntimeException batchFailure;

  private StorageProvider storage() {
    return (StorageProvider) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {StorageProvider.class}, (proxy, method, args) -> {
          calls.add(method.getName());
          switch (method.getName()) {
            case "save" -> {
              if (args[0] instanceof List<?> jobs) {
                if (batchFailure != null) {
                  throw batchFailure;
                }
                jobs.forEach(j -> stored.add(((Job) j).getId()));
                return jobs;
              }
              Job job = (Job) args[0];
              if (!stored.add(job.getId())) {
                throw new ConcurrentJobModificationException(job);
              }
              return job;
            }
            case "getJobById" -> {
              if (!stored.contains((UUID) args[0])) {
                throw new JobNotFoundException((UUID) args[0]);
              }
              return null;
            }
            default -> throw new UnsupportedOperationException(method.getName());
          }
        });
  }

  private List<Job> jobs(int n) {
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      jobs.add(factory.create(JobRequest.of("t", "s" + i, Instant.EPOCH, "com.acme.Jobs#run", null, List.of(),
          Map.of(), Map.of())));
    }
    return jobs;
  }

  @Test
  void skippedRowsThatAreStoredAreSaved() {
    List<Job> jobs = jobs(3);
    stored.add(jobs.get(1).getId());
    batchFailure = new ConcurrentJobModificationException(List.of(jobs.get(1)));
    assertThat(saver.saveAll(storage(), jobs, () -> jobs)).containsExactly(jobs.get(1).getId());
    assertThat(calls).containsExactly("save", "getJobById");
  }

  @Test
  void aSkippedRowThatIsNotStoredIsARetryableFailure() {
    List<Job> jobs = jobs(2);
    batchFailure = new ConcurrentJobModificationException(List.of(jobs.get(0)));
    assertThatThrownBy(() -> saver.saveAll(storage(), jobs, () -> jobs))
        .isInstanceOf(EnqueueException.class)
        .hasMessageContaining(jobs.get(0).getId().toString())
        .satisfies(e -> assertThat(((EnqueueException) e).retryable()).isTrue());
  }

  @Test
  void aBatchFailedByADuplicateIsSavedOneByOneFromFreshCopies() {
    List<Job> jobs = jobs(3);
    stored.add(jobs.get(0).getId());
    BatchUpdateException duplicate = new BatchUpdateException("batch", new int[0]);
    duplicate.setNextException(new SQLException("duplicate key", "23505"));
    batchFailure = new StorageException(duplicate);
    List<Job> copies = new ArrayList<>();
    assertThat(saver.saveAll(storage(), jobs, () -> {
      copies.addAll(jobs(3));
      return copies;
    })).as("the ids already stored").containsExactly(jobs.get(0).getId());
    assertThat(calls).containsExactly("save", "save", "save", "save");
    assertThat(stored).containsExactlyInAnyOrderElementsOf(jobs.stream().map(Job::getId).toList());
  }

  @Test
  void anOutageFailsTheBatchRetryably() {
    batchFailure = new StorageException(new SQLException("connection refused", "08001"));
    List<Job> jobs = jobs(2);
    assertThatThrownBy(() -> saver.saveAll(storage(), jobs, () -> jobs))
        .isInstanceOf(EnqueueException.class)
        .hasMessageContaining("saving 2 jobs failed")
        .satisfies(e -> assertThat(((EnqueueException) e).retryable()).isTrue());
    assertThat(calls).containsExactly("save");
  }
}
