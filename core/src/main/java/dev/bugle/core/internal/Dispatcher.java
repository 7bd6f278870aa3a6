package dev.bugle.core.internal;

import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.core.Secrets;
import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.FireEvent;
import dev.bugle.core.event.FireOutcome;
import dev.bugle.spi.Enqueuer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Sends the fires due at once through one enqueuer in one {@link Enqueuer#enqueueAll} call, sorts them into
 * acknowledged, to retry (with backoff, while inside their misfire window) and given up, and reports each
 * schedule's outcome as a {@link FireEvent}: a fire is never dropped without an event (and so a log line).
 */
final class Dispatcher {
  /** A send's outcome; {@code notSent} are fires that were not sent because the lease was gone. */
  record Result(List<PendingFire> acked, List<PendingFire> retry, List<PendingFire> givenUp,
      List<PendingFire> notSent, Instant sentAt) {
    static Result notSent(List<PendingFire> fires, Instant now) {
      return new Result(List.of(), List.of(), List.of(), fires, now);
    }
  }

  private final String namespace;
  private final Backoff backoff;
  private final InstantSource clock;
  private final BugleListener events;

  Dispatcher(String namespace, Backoff backoff, InstantSource clock, BugleListener events) {
    this.namespace = namespace;
    this.backoff = backoff;
    this.clock = clock;
    this.events = events;
  }

  Result send(String enqueuerName, Enqueuer enqueuer, List<PendingFire> fires) {
    List<JobRequest> jobs = new ArrayList<>();
    for (PendingFire f : fires) {
      for (Instant at : f.scheduledAt()) {
        jobs.add(f.schedule().requestAt(namespace, at));
      }
    }
    Instant sentAt = clock.instant();
    try {
      Optional<Set<UUID>> duplicates = enqueuer.enqueueAllReportingDuplicates(jobs);
      Instant done = clock.instant();
      int i = 0;
      for (PendingFire f : fires) {
        boolean allThere = duplicates.isPresent();
        for (int k = 0; k < f.scheduledAt().size(); k++, i++) {
          allThere &= duplicates.isPresent() && duplicates.get().contains(jobs.get(i).id());
        }
        FireOutcome outcome = allThere ? FireOutcome.DEDUPLICATED : FireOutcome.ENQUEUED;
        events.onFire(event(enqueuerName, f, f.scheduledAt(), outcome, sentAt, done, Optional.empty()));
      }
      return new Result(fires, List.of(), List.of(), List.of(), sentAt);
    } catch (EnqueueException e) {
      return failed(enqueuerName, fires, sentAt, e);
    } catch (RuntimeException e) {
      // An enqueuer bug must not kill the lane; treat it like an outage and keep the fire.
      return failed(enqueuerName, fires, sentAt, new EnqueueException("unexpected error in enqueuer", e));
    }
  }

  /** Sorts a failed batch; backoff and windows count from when it failed, not from when it was sent. */
  private Result failed(String enqueuerName, List<PendingFire> fires, Instant sentAt, EnqueueException e) {
    Instant now = clock.instant();
    Optional<String> why = Optional.of(describe(e));
    Set<UUID> failedIds = e.failedJobs();
    List<PendingFire> acked = new ArrayList<>();
    List<PendingFire> retry = new ArrayList<>();
    List<PendingFire> givenUp = new ArrayList<>();
    for (PendingFire f : fires) {
      if (!failedIds.isEmpty() && f.scheduledAt().stream()
          .noneMatch(at -> failedIds.contains(JobRequest.idFor(namespace, f.schedule().name(), at)))) {
        acked.add(f); // the backend says this one went in
        events.onFire(event(enqueuerName, f, f.scheduledAt(), FireOutcome.ENQUEUED, sentAt, now, Optional.empty()));
        continue;
      }
      List<Instant> inWindow = f.scheduledAt().stream()
          .filter(at -> !now.isAfter(at.plus(f.schedule().jitterOffset()).plus(f.schedule().misfireWindow())))
          .toList();
      if (inWindow.size() < f.scheduledAt().size()) {
        List<Instant> late = f.scheduledAt().subList(0, f.scheduledAt().size() - inWindow.size());
        events.onFire(event(enqueuerName, f, late, FireOutcome.GIVEN_UP, sentAt, now,
            Optional.of("past its misfire-window=" + Durations.format(f.schedule().misfireWindow()) + ": " + why.get())));
      }
      if (e.retryable() && !inWindow.isEmpty()) {
        PendingFire next = f.retryAt(now.plus(backoff.delay(f.failures() + 1)), inWindow);
        events.onFire(event(enqueuerName, f, inWindow, FireOutcome.RETRYING, sentAt, now, why));
        retry.add(next);
      } else {
        if (!inWindow.isEmpty()) {
          events.onFire(event(enqueuerName, f, inWindow, FireOutcome.GIVEN_UP, sentAt, now, why));
        }
        givenUp.add(f);
      }
    }
    return new Result(acked, retry, givenUp, List.of(), sentAt);
  }

  /** The event for {@code instants} of {@code f}; this send was attempt {@code f.failures() + 1}. */
  private static FireEvent event(String enqueuer, PendingFire f, List<Instant> instants, FireOutcome outcome,
      Instant sentAt, Instant at, Optional<String> error) {
    Instant last = instants.get(instants.size() - 1);
    return new FireEvent(f.schedule().name(), enqueuer, outcome, instants.get(0), last, instants.size(),
        last.plus(f.schedule().jitterOffset()), sentAt, at, f.failures() + 1, error);
  }

  static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      sb.append(" <- ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
    }
    return Secrets.maskUrls(sb.toString());
  }
}
