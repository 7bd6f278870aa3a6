package dev.bugle.backend.redis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.testkit.ExternalProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The observable effect of the example workers: each job they run appends one JSON line
 * {@code {"job", "args", "kwargs"}} to the file named by {@code BUGLE_EXAMPLE_OUT}.
 */
final class EffectFile {
  private final Path path;

  EffectFile(Path path) {
    this.path = path;
  }

  static EffectFile create(String name) throws IOException {
    Path dir = Path.of(System.getProperty("bugle.it.logs", "target/worker-logs"));
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".jsonl").toAbsolutePath();
    Files.deleteIfExists(file);
    return new EffectFile(file);
  }

  Path path() {
    return path;
  }

  /** Every line a worker wrote whose first arg is {@code marker}. */
  List<JsonNode> runsOf(String marker) {
    try {
      if (!Files.exists(path)) {
        return List.of();
      }
      return Files.readAllLines(path, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(RedisIt::json)
          .filter(n -> marker.equals(n.at("/args/0").asText())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits (bounded) until the job with {@code marker} ran; fails with the worker's log otherwise, or if it died. */
  JsonNode awaitRun(String marker, Duration timeout, ExternalProcess worker) throws Exception {
    return worker.await("run the job " + marker, timeout, () -> {
      List<JsonNode> runs = runsOf(marker);
      return runs.isEmpty() ? null : runs.get(0);
    });
  }
}
