package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.core.ConfigLoader;
import dev.bugle.core.Providers;
import dev.bugle.core.Schedule;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * examples/delayed-job/bugle.properties passes the checks `bugle check` makes (core's loader and assembly):
 * no unknown key, every option understood, every schedule's job writable as its handler kind. Nothing connects.
 */
class ExamplePropertiesTest {
  @Test
  void theExampleConfigurationPassesCoresChecks() {
    BugleConfig config = ConfigLoader.load(Examples.path("bugle.properties"), Map.of(), Map.of());
    try (Components c = Components.assemble(config, Providers.load(getClass().getClassLoader()),
        InstantSource.system())) {
      assertThat(c.enqueuers()).containsOnlyKeys("rails");
      assertThat(c.enqueuers().get("rails").deduplicates()).isTrue();
      assertThat(c.secretKeys()).contains("bugle.enqueuer.rails.password");
      assertThat(config.schedules()).extracting(Schedule::name)
          .containsExactlyInAnyOrder("currency-rates", "weekly-digest", "cleanup", "hourly-ping");
    }
  }
}
