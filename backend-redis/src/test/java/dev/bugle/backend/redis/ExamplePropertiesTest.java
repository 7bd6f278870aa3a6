package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.core.ConfigLoader;
import dev.bugle.core.Providers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every properties file in examples/redis is a valid configuration for these providers (nothing connects). */
class ExamplePropertiesTest {

  static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(WorkerProcess.examples())) {
      List<Path> found = files.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
      assertThat(found).hasSize(4);
      return found;
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void assemblesWithoutAProblem(Path file) {
    BugleConfig config = ConfigLoader.load(file, Map.of(), Map.of());
    try (Components components = Components.assemble(config, Providers.load(getClass().getClassLoader()),
        InstantSource.system())) {
      assertThat(components.enqueuers()).isNotEmpty();
    }
  }
}
