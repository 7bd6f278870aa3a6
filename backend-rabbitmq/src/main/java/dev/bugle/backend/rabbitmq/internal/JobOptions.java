package dev.bugle.backend.rabbitmq.internal;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Settings;
import dev.bugle.support.JobOptionSettings;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * A job's per-schedule options ({@code bugle.schedule.NAME.option.KEY}) read with the same parsing and the same
 * error messages as settings, so a bad value names its full key and shows an example.
 */
final class JobOptions {
  private final Settings options;

  JobOptions(JobRequest job) {
    this.options = JobOptionSettings.of(job, InstantSource.system());
  }

  /**
   * The option's duration, else {@code fallback}; empty when both are unset, or when the option is 0 (which
   * turns a setting's default off for this schedule).
   */
  Optional<Duration> duration(String key, Duration fallback) {
    Duration d = options.durationOf(key, fallback == null ? Duration.ZERO : fallback);
    return d.isZero() ? Optional.empty() : Optional.of(d);
  }

  int intOf(String key, int fallback, int min, int max) {
    return options.intOf(key, fallback, min, max);
  }

  Optional<String> string(String key) {
    return options.find(key);
  }
}
