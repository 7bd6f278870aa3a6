package dev.bugle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The examples as a newcomer meets them: each passes {@code bugle check}, and no two share a namespace and a lock
 * directory, so that running a second example beside the first does not wait forever for the first one's lock
 * or pick up its checkpoints (and send "missed" fires on its first run).
 */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  static List<Path> exampleConfigs() throws IOException {
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".properties"))
          .filter(f -> !f.toString().contains("target") && !f.toString().contains("node_modules")).sorted().toList();
    }
  }

  @Test
  void everyExamplePassesCheck() throws IOException {
    List<Path> configs = exampleConfigs();
    assertThat(configs).hasSizeGreaterThanOrEqualTo(8);
    for (Path config : configs) {
      assertThat(Main.execute("check", config.toString())).as("bugle check " + config).isZero();
    }
  }

  @Test
  void everyExampleHasItsOwnNamespaceAndLock() throws IOException {
    Map<String, Path> seen = new HashMap<>();
    for (Path config : exampleConfigs()) {
      BugleConfig c = ConfigLoader.load(config, Map.of(), Map.of());
      String lock = c.lockType() + ":" + c.lockProperties().getOrDefault("dir", "")
          + c.lockProperties().getOrDefault("key", "") + ":" + c.namespace();
      Path other = seen.put(lock, config);
      assertThat(other).as(config + " shares namespace '" + c.namespace() + "' and its lock with " + other).isNull();
      assertThat(seen.keySet().stream().filter(k -> k.endsWith(":" + c.namespace())).count())
          .as(config + ": namespace '" + c.namespace() + "' is used by another example").isEqualTo(1);
    }
  }
}
