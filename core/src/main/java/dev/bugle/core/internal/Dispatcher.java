package dev.bugle.core.internal;

import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the fires due at once through one enqueuer in one {@link Enqueuer#enqueueAll} call, and sorts them
 * into acknowledged, to retry (with backoff, while inside their misfire window), and given up (logged as
 * errors: a fire is never dropped without a word).
 */
final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  record Result(List<PendingFire> acked, List<PendingFire> retry, List<PendingFire> givenUp) {
  }

  private final String namespace;
  private final Backoff backoff;
  private final InstantSource clock;

  Dispatcher(String namespace, Backoff backoff, InstantSource clock) {
    this.namespace = namespace;
    this.backoff = backoff;
    this.clock = clock;
  }

  Result send(String enqueuerName, Enqueuer enqueuer, List<PendingFire> fires) {
    List<JobRequest> jobs = new ArrayList<>();
    for (PendingFire f : fires) {
      for (Instant at : f.scheduledAt()) {
        jobs.add(f.schedule().requestAt(namespace, at));
      }
    }
    try {
      enqueuer.enqueueAll(jobs);
      for (JobRequest j : jobs) {
        LOG.debug("enqueued {} for schedule '{}' at {} via '{}'", j.id(), j.schedule(), j.scheduledAt(), enqueuerName);
      }
      LOG.info("enqueued {} job(s) via '{}': {}", jobs.size(), enqueuerName, summary(jobs));
      return new Result(fires, List.of(), List.of());
    } catch (EnqueueException e) {
      return failed(enqueuerName, fires, clock.instant(), e);
    } catch (RuntimeException e) {
      // An enqueuer bug must not kill the scheduler thread; treat it like an outage and keep the fire.
      return failed(enqueuerName, fires, clock.instant(), new EnqueueException("unexpected error in enqueuer", e));
    }
  }

  /** Sorts a failed batch; {@code now} is when it failed, so backoff and windows count from the failure. */
  private Result failed(String enqueuerName, List<PendingFire> fires, Instant now, EnqueueException e) {
    List<PendingFire> acked = new ArrayList<>();
    List<PendingFire> retry = new ArrayList<>();
    List<PendingFire> givenUp = new ArrayList<>();
    for (PendingFire f : fires) {
      if (!e.failedJobs().isEmpty() && f.scheduledAt().stream()
          .noneMatch(at -> e.failedJobs().contains(f.schedule().requestAt(namespace, at).id()))) {
        acked.add(f); // the backend says this one went in
        continue;
      }
      List<Instant> inWindow = f.scheduledAt().stream()
          .filter(at -> !now.isAfter(at.plus(f.schedule().jitterOffset()).plus(f.schedule().misfireWindow())))
          .toList();
      if (e.retryable() && !inWindow.isEmpty()) {
        PendingFire next = f.retryAt(now.plus(backoff.delay(f.failures() + 1)), inWindow);
        LOG.warn("enqueue via '{}' failed for schedule '{}' (attempt {}), retrying at {}: {}", enqueuerName,
            f.schedule().name(), next.failures(), next.fireAt(), describe(e));
        if (inWindow.size() < f.scheduledAt().size()) {
          LOG.error("schedule '{}': gave up {} fire(s) past their misfire window", f.schedule().name(),
              f.scheduledAt().size() - inWindow.size());
        }
        retry.add(next);
      } else {
        LOG.error("schedule '{}': gave up fire(s) {} via '{}' after {} attempt(s): {}", f.schedule().name(),
            f.scheduledAt(), enqueuerName, f.failures() + 1, describe(e));
        givenUp.add(f);
      }
    }
    if (!acked.isEmpty()) {
      LOG.info("enqueued {} of {} fire(s) via '{}' despite the failure of the others", acked.size(), fires.size(),
          enqueuerName);
    }
    return new Result(acked, retry, givenUp);
  }

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      sb.append(" <- ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
    }
    return dev.bugle.core.Secrets.maskUrls(sb.toString());
  }

  private static String summary(List<JobRequest> jobs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < jobs.size() && i < 5; i++) {
      sb.append(i == 0 ? "" : ", ").append(jobs.get(i).schedule()).append('@').append(jobs.get(i).scheduledAt());
    }
    return jobs.size() > 5 ? sb + ", …" : sb.toString();
  }
}
