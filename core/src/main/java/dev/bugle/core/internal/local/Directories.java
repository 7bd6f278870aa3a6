package dev.bugle.core.internal.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A rename or a new file is durable only once its directory is synced too. */
final class Directories {
  private Directories() {
  }

  /** fsyncs {@code dir} where the platform allows it (Linux does); elsewhere a no-op. */
  static void sync(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not every platform can open or sync a directory; the file's own fsync still stands
    }
  }
}
