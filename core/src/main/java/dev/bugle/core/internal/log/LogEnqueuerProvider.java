package dev.bugle.core.internal.log;

import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.spi.Settings;
import java.nio.file.Path;

/**
 * Enqueuer type {@code log}: one JSON line per job on standard output (or appended to {@code file}), for
 * trying Bugle out, for custom consumers that read a pipe, and for tests. Logs go to standard error, so
 * standard output stays machine-readable.
 */
public final class LogEnqueuerProvider implements EnqueuerProvider {
  @Override
  public String type() {
    return "log";
  }

  @Override
  public Enqueuer create(Settings settings) {
    return settings.find("file")
        .map(f -> (Enqueuer) new LogEnqueuer(settings.clock(), Path.of(f)))
        .orElseGet(() -> new LogEnqueuer(settings.clock(), System.out));
  }
}
