package dev.bugle.backend.jobrunr;

import dev.bugle.backend.jobrunr.internal.DedupingSaver;
import dev.bugle.backend.jobrunr.internal.JobFactory;
import dev.bugle.backend.jobrunr.internal.JobOptions;
import dev.bugle.backend.jobrunr.internal.LazyStorage;
import dev.bugle.backend.jobrunr.internal.SqlFailures;
import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jobrunr.jobs.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enqueues JobRunr jobs: one row in JobRunr's {@code jobrunr_jobs} table per fire, with the fire's id as the job's
 * UUID, so that a fire sent twice is stored, and run, once.
 */
public final class JobRunrEnqueuer implements Enqueuer {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunrEnqueuer.class);
  private final JobRunrSettings settings;
  private final JobFactory factory;
  private final LazyStorage storage;
  private final DedupingSaver saver;

  public JobRunrEnqueuer(JobRunrSettings settings, InstantSource clock) {
    this.settings = settings;
    this.factory = new JobFactory(clock);
    this.storage = new LazyStorage(settings);
    this.saver = new DedupingSaver(storage.failures());
  }

  @Override
  public void enqueue(JobRequest job) throws EnqueueException {
    Job built = build(job);
    saver.saveOne(storage.get(), built);
  }

  @Override
  public void enqueueAll(List<JobRequest> jobs) throws EnqueueException {
    enqueueAllReportingDuplicates(jobs);
  }

  /** The ids already stored (JobRunr refused them as duplicates), and those repeated inside the batch. */
  @Override
  public Optional<Set<UUID>> enqueueAllReportingDuplicates(List<JobRequest> jobs) throws EnqueueException {
    Set<UUID> there = new HashSet<>();
    if (jobs.isEmpty()) {
      return Optional.of(there);
    }
    Map<UUID, JobRequest> unique = new LinkedHashMap<>();
    for (JobRequest j : jobs) { // one batch must not hold an id twice
      if (unique.putIfAbsent(j.id(), j) != null) {
        there.add(j.id());
      }
    }
    List<JobRequest> requests = new ArrayList<>(unique.size());
    List<Job> built = new ArrayList<>(unique.size());
    List<EnqueueException> refused = new ArrayList<>();
    Set<UUID> refusedIds = new HashSet<>();
    for (JobRequest request : unique.values()) {
      try {
        built.add(build(request));
        requests.add(request);
      } catch (EnqueueException e) {
        refused.add(e);
        refusedIds.add(request.id());
      }
    }
    if (!built.isEmpty()) {
      there.addAll(saver.saveAll(storage.get(), built, () -> buildAll(requests)));
    }
    if (!refused.isEmpty()) { // the others are stored; these can never be
      EnqueueException first = refused.get(0);
      throw new EnqueueException(refused.size() + " of " + unique.size() + " jobs refused; the first: "
          + first.getMessage(), first, false, refusedIds);
    }
    return Optional.of(there);
  }

  /** True: the job's UUID is the fire's id, and JobRunr's primary key stores it once. */
  @Override
  public boolean deduplicates() {
    return true;
  }

  @Override
  public Set<String> jobOptions() {
    return JobOptions.KEYS;
  }

  /** Builds the job without touching the database: the class, method, args, types and options must fit JobRunr. */
  @Override
  public void validate(JobRequest sample) {
    factory.create(sample);
  }

  /**
   * Opens the storage at start-up, so that missing tables under {@code skip-create}, refused credentials or a missing
   * database stop start-up with exit 2 naming the key, instead of failing the first fire, maybe days later. An
   * outage is only logged: enqueues retry it.
   */
  @Override
  public void open() {
    try {
      storage.get();
    } catch (EnqueueException e) {
      if (SqlFailures.tablesMissing(e)) {
        throw new ConfigException("bugle.enqueuer." + settings.name() + ".database-options", e.getMessage(), e);
      }
      if (!e.retryable()) {
        throw SqlFailures.atStartUp(settings, e);
      }
      LOG.warn("jobrunr enqueuer '{}': storage not reachable at start-up, enqueues will retry: {}", settings.name(),
          e.getMessage());
    }
  }

  @Override
  public void close() {
    storage.close();
  }

  @Override
  public String toString() {
    return "jobrunr enqueuer " + settings;
  }

  private List<Job> buildAll(List<JobRequest> requests) {
    List<Job> built = new ArrayList<>(requests.size());
    for (JobRequest request : requests) {
      built.add(build(request));
    }
    return built;
  }

  private Job build(JobRequest request) {
    try {
      return factory.create(request);
    } catch (ConfigException e) {
      throw new EnqueueException("cannot express fire " + request.id() + " as a JobRunr job: " + e.getMessage(), e,
          false);
    }
  }
}
