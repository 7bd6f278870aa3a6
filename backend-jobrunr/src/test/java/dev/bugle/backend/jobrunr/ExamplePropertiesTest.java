package dev.bugle.backend.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.core.ConfigLoader;
import dev.bugle.core.Providers;
import dev.bugle.core.Schedule;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example configuration (examples/jobrunr/bugle.properties) passes what {@code bugle check} does: core's loader,
 * then the providers' settings (no unknown key) and every schedule's job validated by this enqueuer. Nothing connects.
 */
class ExamplePropertiesTest {
  private static final Path FILE = Path.of("../examples/jobrunr/bugle.properties");

  @Test
  void theExampleConfigurationChecksClean() {
    BugleConfig config = ConfigLoader.load(FILE, Map.of(), Map.of());
    assertThat(config.enqueuers().get("jobs").type()).isEqualTo("jobrunr");
    assertThat(config.schedules()).extracting(Schedule::name).containsExactlyInAnyOrder("weekly-digest", "ping");
    try (Components parts = Components.assemble(config, Providers.load(getClass().getClassLoader()),
        InstantSource.system())) {
      assertThat(parts.secretKeys()).contains("bugle.enqueuer.jobs.password");
    }
  }
}
