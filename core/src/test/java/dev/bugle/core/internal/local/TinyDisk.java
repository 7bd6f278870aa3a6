package dev.bugle.core.internal.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real, tiny tmpfs mounted on a directory, which a test can turn read-only or fill up. The tests run as root,
 * and root writes through a read-only {@code chmod}: only a read-only or full file system refuses it. Needs
 * root and the {@code mount} and {@code chattr} commands; without them the test fails and says so.
 */
final class TinyDisk implements AutoCloseable {
  private final Path dir;

  private TinyDisk(Path dir) {
    this.dir = dir;
  }

  /** Mounts a tmpfs of {@code kilobytes} on {@code dir} (created if missing). */
  static TinyDisk mount(Path dir, int kilobytes) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", dir.toString());
    return new TinyDisk(dir);
  }

  Path dir() {
    return dir;
  }

  /** Remounts it read-only; refused by the kernel while a file on it is open for writing. */
  void readOnly() throws IOException, InterruptedException {
    run("mount", "-o", "remount,ro", dir.toString());
  }

  void readWrite() throws IOException, InterruptedException {
    run("mount", "-o", "remount,rw", dir.toString());
  }

  /**
   * Makes the directory and every file in it immutable ({@code chattr +i}): nobody, root included, can create,
   * rename, delete or write them, while files already open stay open (as a holder's lock file does).
   */
  void freeze() throws IOException, InterruptedException {
    run("chattr", "-R", "+i", dir.toString());
  }

  void thaw() throws IOException, InterruptedException {
    run("chattr", "-R", "-i", dir.toString());
  }

  /** Writes a file until the disk is full. */
  void fill() throws IOException {
    byte[] block = new byte[1024];
    try (var out = Files.newOutputStream(dir.resolve("filler"))) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException full) {
      // no space left: what we wanted
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      readWrite();
      thaw(); // else JUnit could not delete the mount point's parent
    } finally {
      run("umount", "-l", dir.toString());
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      List<String> c = new ArrayList<>(List.of(command));
      throw new IllegalStateException(String.join(" ", c) + " failed (this test needs root and mount): " + out);
    }
  }
}
