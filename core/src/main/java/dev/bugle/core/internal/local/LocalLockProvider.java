package dev.bugle.core.internal.local;

import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.LeaderLockProvider;
import dev.bugle.spi.Settings;
import java.nio.file.Path;

/**
 * Lock type {@code local}: an OS file lock, so that several processes on one host (or several schedulers in
 * one JVM) contend for it. Settings: {@code dir} (default {@code .bugle}), where {@code NAMESPACE.lock} and
 * {@code NAMESPACE.state.json} (fencing token and checkpoints) live.
 */
public final class LocalLockProvider implements LeaderLockProvider {
  @Override
  public String type() {
    return "local";
  }

  @Override
  public LeaderLock create(Settings settings) {
    Path dir = Path.of(settings.string("dir", ".bugle", "/var/lib/bugle"));
    return new LocalLock(dir.resolve(settings.namespace() + ".lock"), dir.resolve(settings.namespace() + ".state.json"));
  }
}
