package dev.bugle.backend.jobrunr.internal;

import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import dev.bugle.support.JobOptionSettings;
import dev.bugle.spi.Settings;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A schedule's JobRunr options ({@code bugle.schedule.NAME.option.KEY}).
 *
 * @param argTypes the declared class of each arg, or null to type each arg by its JSON value
 * @param delay    zero for an enqueued job; else a scheduled job due this long after the fire's scheduled instant
 * @param retries  JobRunr's amount of retries for this job, or null for the worker's default
 * @param labels   up to 3 dashboard labels
 * @param jobName  the name the dashboard shows, or null for JobRunr's own form {@code Class.method(args)}
 */
public record JobOptions(List<String> argTypes, Duration delay, Integer retries, List<String> labels,
    String jobName) {
  public static final Set<String> KEYS = Set.of("arg-types", "delay", "retries", "labels", "job-name");
  private static final int MAX_LABELS = 3;
  private static final int MAX_LABEL_LENGTH = 45;

  public JobOptions {
    argTypes = argTypes == null ? null : List.copyOf(argTypes);
    labels = List.copyOf(labels);
  }

  /** The options of {@code job}'s schedule; errors name the full option key. */
  public static JobOptions of(JobRequest job) {
    Settings s = JobOptionSettings.of(job, InstantSource.system());
    List<String> types = s.find("arg-types")
        .map(t -> ArgTypes.parse(s.key("arg-types"), t, job.args().size())).orElse(null);
    Duration delay = s.durationOf("delay", Duration.ZERO);
    Integer retries = s.find("retries").isPresent() ? s.intOf("retries", 10, 0, 1000) : null;
    List<String> labels = labels(s);
    String name = s.find("job-name").orElse(null);
    return new JobOptions(types, delay, retries, labels, name);
  }

  private static List<String> labels(Settings s) {
    List<String> labels = new ArrayList<>();
    for (String label : s.find("labels").map(l -> l.split(",")).orElse(new String[0])) {
      if (!label.isBlank()) {
        labels.add(label.trim());
      }
    }
    if (labels.size() > MAX_LABELS || labels.stream().anyMatch(l -> l.length() > MAX_LABEL_LENGTH)) {
      throw new ConfigException(s.key("labels"), "JobRunr allows at most " + MAX_LABELS
          + " labels of at most " + MAX_LABEL_LENGTH + " characters each; for example: " + s.key("labels")
          + "=billing,weekly");
    }
    return labels;
  }
}
