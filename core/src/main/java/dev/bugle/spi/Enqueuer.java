package dev.bugle.spi;

import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes jobs into one worker stack in that stack's own wire format. Bugle never runs a job; the stack's
 * unmodified workers do.
 *
 * <p>Called from the scheduler thread only. A backend outage is an {@link EnqueueException} (the scheduler
 * retries it while the fire is inside its window); it must never drop a job silently.
 */
public interface Enqueuer extends AutoCloseable {

  /** Enqueues one job, returning once the backend has acknowledged it. */
  void enqueue(JobRequest job) throws EnqueueException;

  /**
   * Enqueues several jobs due at the same instant. Backends override this to send one pipeline or batch.
   * When it throws, any subset may have been enqueued: the scheduler re-sends the whole batch with the same
   * ids, which {@link #deduplicates()} backends absorb.
   */
  default void enqueueAll(List<JobRequest> jobs) throws EnqueueException {
    for (JobRequest job : jobs) {
      enqueue(job);
    }
  }

  /**
   * Enqueues like {@link #enqueueAll} and reports which jobs of the batch were already there: the ids of the jobs a
   * {@link #deduplicates()} backend absorbed as duplicates of a fire sent before (all the others went in now). An
   * empty {@code Optional} means the backend cannot tell (the default, and any backend that does not deduplicate).
   * Throws like {@link #enqueueAll}.
   */
  default Optional<Set<UUID>> enqueueAllReportingDuplicates(List<JobRequest> jobs) throws EnqueueException {
    enqueueAll(jobs);
    return Optional.empty();
  }

  /**
   * True when enqueuing the same {@link JobRequest#id()} twice has no second effect, atomically, so that a
   * fire re-sent after a failover runs once. False means at-least-once with a stable id.
   */
  boolean deduplicates();

  /**
   * How long a {@link #deduplicates()} enqueuer remembers a fire's id, when that is limited (a key's expiry, a
   * pruned table); empty when it remembers as long as the job exists, or does not deduplicate. A fire is sent
   * again (after a failover, or by a retry) only within its schedule's {@code misfire-window}, so start-up
   * refuses a schedule whose window is not shorter than this: past it, a re-sent fire would run twice.
   */
  default Optional<DedupeRetention> dedupeRetention() {
    return Optional.empty();
  }

  /**
   * Names of per-schedule options ({@code bugle.schedule.NAME.option.KEY}) this enqueuer understands. Any
   * other option on a schedule that targets it is reported as unknown at start-up.
   */
  default Set<String> jobOptions() {
    return Set.of();
  }

  /**
   * Checks a schedule's job before anything starts (for example that its args can be serialized, or that
   * its options hold valid values); throws a {@link dev.bugle.core.ConfigException} naming the key.
   */
  default void validate(JobRequest sample) {
  }

  /**
   * Called once by {@code bugle run} and {@code bugle enqueue} after validation, before the node contends for
   * the lock: connect and check what only the backend can tell (its schema, for example). Throw a
   * {@link dev.bugle.core.ConfigException} naming the key for a permanent mistake, and start-up stops with exit
   * code 2. An outage must not throw: log it and let {@link #enqueue} retry. {@code bugle check} never calls it.
   */
  default void open() {
  }

  /** Releases connections. Must not throw for a never-used enqueuer. */
  @Override
  default void close() {
  }
}
