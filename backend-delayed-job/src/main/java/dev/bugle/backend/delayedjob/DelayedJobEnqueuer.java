package dev.bugle.backend.delayedjob;

import dev.bugle.backend.delayedjob.internal.Database;
import dev.bugle.backend.delayedjob.internal.InvalidJob;
import dev.bugle.backend.delayedjob.internal.JobRow;
import dev.bugle.backend.delayedjob.internal.RowFactory;
import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.DedupeRetention;
import dev.bugle.spi.Enqueuer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Inserts each job as a row of delayed_job's table, which an unmodified delayed_job worker runs. Connects on
 * first use. Deduplicates only with the opt-in guard table ({@code deduplicate=true}); otherwise a fire sent
 * twice is inserted twice (at-least-once, with the fire's id in the handler).
 */
public final class DelayedJobEnqueuer implements Enqueuer {
  private final DelayedJobConfig config;
  private final InstantSource clock;
  private final RowFactory rows;
  private final Database database;

  public DelayedJobEnqueuer(DelayedJobConfig config, InstantSource clock) {
    this.config = config;
    this.clock = clock;
    this.rows = new RowFactory(config);
    this.database = new Database(config, clock);
  }

  @Override
  public void enqueue(JobRequest job) throws EnqueueException {
    enqueueAll(List.of(job));
  }

  /**
   * Inserts the whole batch in one transaction. A job that cannot be written (which {@link #validate} reports
   * at start-up) does not hold back the others: they are inserted, then a permanent error names it.
   */
  @Override
  public void enqueueAll(List<JobRequest> jobs) throws EnqueueException {
    enqueueAllReportingDuplicates(jobs);
  }

  /** With the guard, the fires it already held (their jobs were not inserted again); without it, unknown. */
  @Override
  public Optional<Set<UUID>> enqueueAllReportingDuplicates(List<JobRequest> jobs) throws EnqueueException {
    Instant now = clock.instant();
    List<JobRow> valid = new ArrayList<>(jobs.size());
    InvalidJob firstProblem = null;
    JobRequest firstInvalid = null;
    Set<UUID> invalid = new HashSet<>();
    for (JobRequest job : jobs) {
      try {
        valid.add(rows.row(job, now));
      } catch (InvalidJob e) {
        invalid.add(job.id());
        if (firstProblem == null) {
          firstProblem = e;
          firstInvalid = job;
        }
      }
    }
    Set<UUID> there = valid.isEmpty() ? Set.of() : database.insert(valid);
    if (firstProblem != null) {
      throw new EnqueueException(toConfigException(firstInvalid, firstProblem).getMessage(), firstProblem, false,
          invalid);
    }
    return config.deduplicate() ? Optional.ofNullable(there) : Optional.empty();
  }

  @Override
  public boolean deduplicates() {
    return config.deduplicate();
  }

  /** The guard's rows are pruned {@code guard-retention} after the fire was enqueued. */
  @Override
  public Optional<DedupeRetention> dedupeRetention() {
    return config.deduplicate() ? Optional.of(new DedupeRetention("guard-retention", config.guardRetention()))
        : Optional.empty();
  }

  @Override
  public Set<String> jobOptions() {
    return RowFactory.OPTIONS;
  }

  @Override
  public void validate(JobRequest sample) {
    try {
      rows.row(sample, clock.instant());
    } catch (InvalidJob e) {
      throw toConfigException(sample, e);
    }
  }

  private static ConfigException toConfigException(JobRequest job, InvalidJob e) {
    String key = "bugle.schedule." + job.schedule() + "." + e.field();
    return new ConfigException(key, e.getMessage() + "; for example: " + key + "=" + e.example(), e);
  }

  /**
   * Connects and checks the tables before the node contends for the lock: a missing database, table or guard, or
   * refused credentials, stop start-up (exit 2) naming the key; an outage is only logged.
   */
  @Override
  public void open() {
    database.open();
  }

  @Override
  public void close() {
    database.close();
  }

  @Override
  public String toString() {
    return "delayed-job(" + config.displayUrl() + ", table " + config.table() + ", handler " + config.handler().id()
        + (config.deduplicate() ? ", guard " + config.guardTable() : ", at-least-once") + ")";
  }
}
