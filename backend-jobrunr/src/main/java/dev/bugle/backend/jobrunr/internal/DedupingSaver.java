package dev.bugle.backend.jobrunr.internal;

import dev.bugle.core.EnqueueException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jobrunr.jobs.Job;
import org.jobrunr.storage.ConcurrentJobModificationException;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves new jobs so that a job whose id is already stored counts as saved: that is the same fire, sent again after
 * a failover, and the stored one is the one that runs (design §5.3).
 *
 * <p>One job: JobRunr turns the primary-key violation into a {@link ConcurrentJobModificationException}. A batch
 * is one JDBC batch in one transaction. JobRunr reports rows the database skipped as a
 * {@link ConcurrentJobModificationException} carrying those jobs, after committing the others: each is checked to
 * be stored. A database that fails the whole batch on a duplicate (PostgreSQL does) rolls it back, and the jobs are
 * then saved one by one, which absorbs each duplicate; that costs one round trip per job, and happens only for a
 * batch re-sent after a failure.
 */
public final class DedupingSaver {
  private static final Logger LOG = LoggerFactory.getLogger(DedupingSaver.class);
  private final SqlFailures failures;

  public DedupingSaver(SqlFailures failures) {
    this.failures = failures;
  }

  /** Saves one new job; an already stored id is success, and returns true. */
  public boolean saveOne(StorageProvider storage, Job job) throws EnqueueException {
    try {
      storage.save(job);
      return false;
    } catch (ConcurrentJobModificationException e) {
      LOG.debug("JobRunr job {} is already stored: this fire was enqueued before", job.getId());
      return true;
    } catch (RuntimeException e) {
      throw failures.of("saving job " + job.getId(), e);
    }
  }

  /**
   * Saves new jobs in one batch. {@code rebuild} makes fresh copies of the same jobs for the one-by-one fallback
   * (JobRunr versions the {@code Job} objects it tried to save). Returns the ids that were already stored.
   */
  public Set<UUID> saveAll(StorageProvider storage, List<Job> jobs, Supplier<List<Job>> rebuild)
      throws EnqueueException {
    Set<UUID> there = new HashSet<>();
    try {
      storage.save(jobs);
    } catch (ConcurrentJobModificationException e) {
      requireStored(storage, e.getConcurrentUpdatedJobs());
      e.getConcurrentUpdatedJobs().forEach(j -> there.add(j.getId()));
    } catch (RuntimeException e) {
      if (!SqlFailures.isDuplicateKey(e)) {
        throw failures.of("saving " + jobs.size() + " jobs", e);
      }
      LOG.debug("a batch of {} JobRunr jobs holds already stored ids; saving them one by one", jobs.size());
      for (Job job : rebuild.get()) {
        if (saveOne(storage, job)) {
          there.add(job.getId());
        }
      }
    }
    return there;
  }

  private void requireStored(StorageProvider storage, List<Job> skipped) throws EnqueueException {
    for (Job job : skipped) {
      try {
        storage.getJobById(job.getId());
        LOG.debug("JobRunr job {} is already stored: this fire was enqueued before", job.getId());
      } catch (JobNotFoundException e) {
        throw new EnqueueException("JobRunr storage skipped job " + job.getId() + " but does not hold it", e);
      } catch (RuntimeException e) {
        throw failures.of("checking job " + job.getId(), e);
      }
    }
  }
}
