package dev.bugle.core.internal.local;

import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.LeaderLockProvider;
import dev.bugle.spi.Settings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lock type {@code local}: an OS file lock, so that several processes on one host (or several schedulers in
 * one JVM) contend for it. Settings: {@code dir} (default: {@link DefaultDir}), where {@code NAMESPACE.lock},
 * {@code NAMESPACE.state.json} and {@code NAMESPACE.state.log} (fencing token and checkpoints) live.
 */
public final class LocalLockProvider implements LeaderLockProvider {
  @Override
  public String type() {
    return "local";
  }

  @Override
  public LeaderLock create(Settings settings) {
    Path dir = settings.find("dir").map(Path::of).orElseGet(DefaultDir::choose).toAbsolutePath().normalize();
    checkDirectory(settings, dir);
    return new LocalLock(dir, settings.namespace(), settings.clock());
  }

  /** A directory that is (or lies under) a regular file is a configuration mistake, found before contending. */
  private static void checkDirectory(Settings settings, Path dir) {
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p)) {
        return;
      }
      if (Files.exists(p)) {
        throw settings.error("dir", (p.equals(dir) ? dir : "the directory " + dir + " lies under " + p) + ", which is"
            + " a file, not a directory; the local lock keeps its files in a directory", "/var/lib/bugle");
      }
    }
  }
}
