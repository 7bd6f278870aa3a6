package dev.bugle.core.internal.log;

import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.support.JobJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * Writes each job as one JSON line: the generic envelope plus {@code enqueued_at}. A batch is written and
 * flushed as a whole. It does not deduplicate: a fire re-sent after a failover appears twice.
 */
final class LogEnqueuer implements Enqueuer {
  private final InstantSource clock;
  private final Path file;
  private final PrintStream stream;

  LogEnqueuer(InstantSource clock, PrintStream stream) {
    this.clock = clock;
    this.file = null;
    this.stream = stream;
  }

  LogEnqueuer(InstantSource clock, Path file) {
    this.clock = clock;
    this.file = file;
    this.stream = null;
  }

  @Override
  public void enqueue(JobRequest job) {
    enqueueAll(List.of(job));
  }

  @Override
  public void enqueueAll(List<JobRequest> jobs) {
    if (jobs.isEmpty()) {
      return;
    }
    StringBuilder lines = new StringBuilder();
    String enqueuedAt = clock.instant().toString();
    for (JobRequest job : jobs) {
      Map<String, Object> line = JobJson.envelope(job);
      line.put("enqueued_at", enqueuedAt);
      lines.append(JobJson.write(line)).append('\n');
    }
    byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
    if (file != null) {
      try {
        // One write of whole lines with O_APPEND: several processes can share one file.
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new EnqueueException("cannot append to " + file + ": " + e.getMessage(), e);
      }
    } else {
      synchronized (stream) {
        stream.write(bytes, 0, bytes.length);
        stream.flush();
        if (stream.checkError()) {
          throw new EnqueueException("standard output refused the job lines", null);
        }
      }
    }
  }

  @Override
  public boolean deduplicates() {
    return false;
  }

}
