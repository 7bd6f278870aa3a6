package dev.bugle.core.internal.local;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** An I/O failure that names the one file it happened to and what was done to it, so the message is never wrong. */
final class FileFailure {
  private FileFailure() {
  }

  /**
   * {@code cannot write /var/lib/bugle/shop.state.log: No space left on device}, with {@code e} as its cause; a
   * {@link ClosedByInterruptException} is a stop, not a failure, and stays itself so that callers can tell.
   */
  static IOException of(String verb, Path file, IOException e) {
    if (e instanceof ClosedByInterruptException) {
      return e;
    }
    return new IOException("cannot " + verb + " " + file + ": " + reason(e), e);
  }

  private static String reason(IOException e) {
    if (e instanceof FileSystemException fs) {
      return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
