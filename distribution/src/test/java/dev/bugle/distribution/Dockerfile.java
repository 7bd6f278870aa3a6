package dev.bugle.distribution;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The instructions of deploy/Dockerfile, enough of them to check its paths: continuation lines joined, comments dropped. */
record Dockerfile(List<Instruction> instructions) {
  record Instruction(String keyword, String arguments) {
  }

  static Dockerfile read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Instruction> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      String t = line.strip();
      if (t.startsWith("#") || (t.isEmpty() && current.length() == 0)) {
        continue;
      }
      if (t.endsWith("\\")) {
        current.append(t, 0, t.length() - 1).append(' ');
        continue;
      }
      current.append(t);
      String whole = current.toString().strip();
      current.setLength(0);
      if (whole.isEmpty()) {
        continue;
      }
      int space = whole.indexOf(' ');
      out.add(space < 0 ? new Instruction(whole.toUpperCase(Locale.ROOT), "")
          : new Instruction(whole.substring(0, space).toUpperCase(Locale.ROOT), whole.substring(space + 1).strip()));
    }
    return new Dockerfile(out);
  }

  List<String> all(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
  }

  /** The last one wins, as in Docker. */
  String last(String keyword) {
    List<String> a = all(keyword);
    if (a.isEmpty()) {
      throw new AssertionError("the Dockerfile has no " + keyword);
    }
    return a.get(a.size() - 1);
  }

  /** ENTRYPOINT in exec form (a JSON array); the shell form would keep signals from reaching the JVM. */
  List<String> entrypoint() {
    String e = last("ENTRYPOINT");
    if (!e.startsWith("[")) {
      throw new AssertionError("ENTRYPOINT must be in exec form (a JSON array), so that SIGTERM reaches bin/bugle; got " + e);
    }
    try {
      return new ObjectMapper().readValue(e, new TypeReference<List<String>>() { });
    } catch (IOException ex) {
      throw new AssertionError("ENTRYPOINT is not a JSON array: " + e, ex);
    }
  }

  /** COPY instructions as [source..., destination], without their --flags. */
  List<List<String>> copies() {
    List<List<String>> out = new ArrayList<>();
    for (String c : all("COPY")) {
      List<String> words = new ArrayList<>(List.of(c.split("\\s+")));
      words.removeIf(w -> w.startsWith("--"));
      out.add(words);
    }
    return out;
  }
}
