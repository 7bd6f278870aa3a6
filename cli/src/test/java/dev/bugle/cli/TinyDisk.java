package dev.bugle.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real tmpfs mounted on a directory, which a test can make immutable ({@code chattr +i}): the tests run as
 * root, and root writes through a read-only {@code chmod}, and the kernel refuses a read-only remount while a
 * holder has its lock file open for writing. Needs root, {@code mount} and {@code chattr}; fails saying so.
 */
final class TinyDisk implements AutoCloseable {
  private final Path dir;

  private TinyDisk(Path dir) {
    this.dir = dir;
  }

  static TinyDisk mount(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", dir.toString());
    return new TinyDisk(dir);
  }

  /** Nobody, root included, can create, rename, delete or write the directory's entries and files any more. */
  void freeze() throws IOException, InterruptedException {
    run("chattr", "-R", "+i", dir.toString());
  }

  void thaw() throws IOException, InterruptedException {
    run("chattr", "-R", "-i", dir.toString());
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      thaw();
    } finally {
      run("umount", "-l", dir.toString());
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed (this test needs root): " + out);
    }
  }
}
