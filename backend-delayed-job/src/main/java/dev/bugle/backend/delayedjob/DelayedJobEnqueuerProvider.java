package dev.bugle.backend.delayedjob;

import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.spi.Settings;

/** {@code bugle.enqueuer.NAME.type=delayed-job}: rows in delayed_job's ActiveRecord table (PostgreSQL, MariaDB). */
public final class DelayedJobEnqueuerProvider implements EnqueuerProvider {
  public static final String TYPE = "delayed-job";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Enqueuer create(Settings settings) {
    return new DelayedJobEnqueuer(DelayedJobConfig.from(settings), settings.clock());
  }
}
