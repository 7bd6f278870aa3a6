package dev.bugle.core.internal.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local lock lives when {@code bugle.lock.local.dir} is not set: one place per host and user, whatever
 * the working directory, since two copies started from two directories must contend for the same file (with a
 * relative default, both led and every fire was sent twice). {@code /var/lib/bugle} when this user can write it
 * (or create it), else {@code ${java.io.tmpdir}/bugle-USER}. Copies run by different users share a lock only
 * through {@code /var/lib/bugle}: make it writable to all of them, or set the directory.
 */
final class DefaultDir {
  static final Path SYSTEM = Path.of("/var/lib/bugle");

  private DefaultDir() {
  }

  static Path choose() {
    return choose(SYSTEM, Path.of(System.getProperty("java.io.tmpdir")), System.getProperty("user.name", "user"));
  }

  static Path choose(Path system, Path tmpdir, String user) {
    if (writable(system)) {
      return system;
    }
    return tmpdir.toAbsolutePath().normalize().resolve("bugle-" + user.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  private static boolean writable(Path dir) {
    if (Files.isDirectory(dir)) {
      return Files.isWritable(dir);
    }
    Path parent = dir.toAbsolutePath().getParent();
    return !Files.exists(dir) && parent != null && Files.isDirectory(parent) && Files.isWritable(parent);
  }
}
