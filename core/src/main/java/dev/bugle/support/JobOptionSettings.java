package dev.bugle.support;

import dev.bugle.core.JobRequest;
import dev.bugle.core.PropertySettings;
import dev.bugle.spi.Settings;
import java.time.InstantSource;

/**
 * A job's per-schedule options ({@code bugle.schedule.NAME.option.KEY}) as {@link Settings}, so that a backend
 * reads them with the same parsing and messages as its own settings (a bad value names its full key and shows an
 * example), without depending on core's implementation class.
 */
public final class JobOptionSettings {
  private JobOptionSettings() {
  }

  /** The options of {@code job}'s schedule; {@code clock} is what the settings give as {@code clock()}. */
  public static Settings of(JobRequest job, InstantSource clock) {
    return PropertySettings.of("bugle.schedule." + job.schedule() + ".option.", job.namespace(), clock, job.options());
  }
}
