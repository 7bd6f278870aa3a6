package dev.bugle.examples.jobrunr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;
import org.jobrunr.jobs.context.JobContext;

/**
 * The jobs Bugle's example schedules name ({@code dev.bugle.examples.jobrunr.DigestJobs#sendWeekly}). Each prints,
 * and appends to {@code JOBRUNR_EXAMPLE_OUT} if set, one tab-separated line: the JobRunr job id, the method, then
 * {@code class=value} for each argument, so that a test can see the types that arrived.
 */
public class DigestJobs {

  /** A job with typed arguments and a custom one; JobRunr injects the {@link JobContext}. */
  public void sendWeekly(String team, long week, UUID runId, Instant since, Report report, JobContext context) {
    record(context, "sendWeekly", team, week, runId, since, report);
  }

  /** A job with one plain argument. */
  public void ping(String note, JobContext context) {
    record(context, "ping", note);
  }

  private static void record(JobContext context, String method, Object... args) {
    StringBuilder line = new StringBuilder().append(context.getJobId()).append('\t').append(method);
    for (Object arg : args) {
      line.append('\t').append(arg == null ? "null" : arg.getClass().getName()).append('=').append(arg);
    }
    System.out.println(line);
    String out = System.getenv("JOBRUNR_EXAMPLE_OUT");
    if (out != null && !out.isBlank()) {
      try {
        Files.writeString(Path.of(out), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
