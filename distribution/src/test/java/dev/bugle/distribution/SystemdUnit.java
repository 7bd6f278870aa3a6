package dev.bugle.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A systemd unit file read as KEY=VALUE lines (every section together; comments and blank lines dropped). */
final class SystemdUnit {
  private SystemdUnit() {
  }

  static Map<String, List<String>> read(Path file) throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || t.startsWith(";") || t.startsWith("[")) {
        continue;
      }
      int eq = t.indexOf('=');
      if (eq <= 0) {
        throw new AssertionError(file + ": not KEY=VALUE: " + line);
      }
      out.computeIfAbsent(t.substring(0, eq).strip(), k -> new ArrayList<>()).add(t.substring(eq + 1).strip());
    }
    return out;
  }
}
