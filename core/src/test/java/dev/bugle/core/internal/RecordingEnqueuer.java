package dev.bugle.core.internal;

import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import java.util.ArrayList;
import java.util.List;

/** Records every batch it is given; can be told to fail the next N calls. */
final class RecordingEnqueuer implements Enqueuer {
  final List<List<JobRequest>> batches = new ArrayList<>();
  int failNext;
  boolean retryable = true;
  int calls;

  @Override
  public void enqueue(JobRequest job) {
    enqueueAll(List.of(job));
  }

  @Override
  public void enqueueAll(List<JobRequest> jobs) {
    calls++;
    if (failNext > 0) {
      failNext--;
      throw new EnqueueException("backend down", new java.io.IOException("connection refused"), retryable);
    }
    batches.add(List.copyOf(jobs));
  }

  List<JobRequest> jobs() {
    return batches.stream().flatMap(List::stream).toList();
  }

  @Override
  public boolean deduplicates() {
    return false;
  }
}
