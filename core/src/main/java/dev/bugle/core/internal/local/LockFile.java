package dev.bugle.core.internal.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The OS side of the local lock: open {@code NAMESPACE.lock} and try to lock it, failures naming the file. */
final class LockFile {
  private LockFile() {
  }

  /** Opens (and creates, with its directory) the lock file for writing: an exclusive lock needs a writable channel. */
  static FileChannel open(Path lockFile) throws IOException {
    try {
      Files.createDirectories(lockFile.getParent());
    } catch (IOException e) {
      throw FileFailure.of("create", lockFile.getParent(), e);
    }
    try {
      return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw FileFailure.of("open", lockFile, e);
    }
  }

  /** The exclusive lock, or null when another process holds it. */
  static FileLock tryLock(FileChannel channel, Path lockFile) throws IOException {
    try {
      return channel.tryLock();
    } catch (IOException e) {
      throw FileFailure.of("lock", lockFile, e);
    }
  }

  static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
    }
  }
}
