package dev.bugle.core.internal;

import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import java.util.ArrayList;
import java.util.List;

/** Records every batch it is given; can be told to fail the next N calls. */
class RecordingEnqueuer implements Enqueuer {
  final List<List<JobRequest>> batches = new ArrayList<>();
  int failNext;
  boolean retryable = true;
  int calls;
  /** Schedules whose jobs this enqueuer refuses for good while writing the rest of the batch. */
  java.util.Set<String> refuse = java.util.Set.of();

  @Override
  public void enqueue(JobRequest job) {
    enqueueAll(List.of(job));
  }

  /** Runs inside every call, e.g. to let the clock move while the backend is slow. */
  Runnable during = () -> { };

  @Override
  public void enqueueAll(List<JobRequest> jobs) {
    calls++;
    during.run();
    if (failNext > 0) {
      failNext--;
      throw new EnqueueException("backend down", new java.io.IOException("connection refused"), retryable);
    }
    List<JobRequest> written = jobs.stream().filter(j -> !refuse.contains(j.schedule())).toList();
    batches.add(written);
    if (written.size() < jobs.size()) {
      java.util.Set<java.util.UUID> failed = jobs.stream().filter(j -> refuse.contains(j.schedule()))
          .map(JobRequest::id).collect(java.util.stream.Collectors.toSet());
      throw new EnqueueException("refused " + failed, null, false, failed);
    }
  }

  List<JobRequest> jobs() {
    return batches.stream().flatMap(List::stream).toList();
  }

  @Override
  public boolean deduplicates() {
    return false;
  }
}
