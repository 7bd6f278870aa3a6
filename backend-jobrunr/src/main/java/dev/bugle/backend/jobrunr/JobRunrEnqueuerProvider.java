package dev.bugle.backend.jobrunr;

import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.spi.Settings;

/**
 * {@code bugle.enqueuer.NAME.type=jobrunr}: writes JobRunr jobs, named by class and method, into the SQL storage
 * a team's JobRunr workers already poll. Reads and validates every setting here; connects on first enqueue.
 */
public final class JobRunrEnqueuerProvider implements EnqueuerProvider {

  @Override
  public String type() {
    return "jobrunr";
  }

  @Override
  public Enqueuer create(Settings settings) {
    return new JobRunrEnqueuer(JobRunrSettings.read(settings), settings.clock());
  }
}
