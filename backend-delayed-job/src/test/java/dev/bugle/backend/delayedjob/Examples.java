package dev.bugle.backend.delayedjob;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of examples/delayed-job, which the tests use exactly as the docs tell users to. */
final class Examples {
  private Examples() {
  }

  /** A file of examples/delayed-job, found from the module's directory or the repository root. */
  static Path path(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve("examples").resolve("delayed-job").resolve(name);
      if (Files.exists(p)) {
        return p;
      }
    }
    throw new IllegalStateException("examples/delayed-job/" + name + " not found above " + Path.of("").toAbsolutePath());
  }

  static String read(String name) {
    try {
      return Files.readString(path(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
