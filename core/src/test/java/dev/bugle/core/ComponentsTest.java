package dev.bugle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.internal.log.LogEnqueuerProvider;
import dev.bugle.spi.DedupeRetention;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.spi.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentsTest {
  @TempDir
  Path dir;

  private Map<String, String> config(String... kv) {
    Map<String, String> m = new LinkedHashMap<>(Map.of("bugle.schedule.rates.cron", "0 * * * *",
        "bugle.schedule.rates.job", "RatesJob", "bugle.lock.local.dir", dir.toString()));
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Components assemble(Map<String, String> props, Providers providers) {
    return Components.assemble(ConfigLoader.parse(props, Map.of()), providers, InstantSource.system());
  }

  @Test
  void theBuiltInsAreFoundOnTheClassPath() {
    Providers p = Providers.load(getClass().getClassLoader());
    assertThat(p.enqueuerTypes()).contains("log");
    assertThat(p.lockTypes()).contains("local");
    try (Components c = assemble(config(), p)) {
      assertThat(c.enqueuers()).containsOnlyKeys("log");
      assertThat(c.lock()).isNotNull();
    }
  }

  @Test
  void anUnknownTypeListsTheTypesFound() {
    Providers p = Providers.load(getClass().getClassLoader());
    assertThatThrownBy(() -> assemble(config("bugle.enqueuer.main.type", "sidekik"), p))
        .hasMessageContaining("bugle.enqueuer.main.type").hasMessageContaining("[log");
    Map<String, String> zookeeper = config("bugle.lock", "zookeeper");
    zookeeper.remove("bugle.lock.local.dir");
    assertThatThrownBy(() -> assemble(zookeeper, p))
        .hasMessageContaining("bugle.lock").hasMessageContaining("[local");
  }

  @Test
  void aProviderKeyNobodyReadsIsUnknownWithADidYouMean() {
    Providers p = Providers.load(getClass().getClassLoader());
    assertThatThrownBy(() -> assemble(config("bugle.enqueuer.main.type", "log", "bugle.enqueuer.main.fil", "x"), p))
        .hasMessageContaining("bugle.enqueuer.main.fil").hasMessageContaining("did you mean 'file'");
    assertThatThrownBy(() -> assemble(config("bugle.lock.local.dri", "x"), p))
        .hasMessageContaining("bugle.lock.local.dri").hasMessageContaining("did you mean 'dir'");
  }

  /** An enqueuer that understands one job option and marks its password secret. */
  static final class StrictProvider implements EnqueuerProvider {
    @Override
    public String type() {
      return "strict";
    }

    @Override
    public Enqueuer create(Settings settings) {
      settings.secret("password");
      return new Enqueuer() {
        @Override
        public void enqueue(JobRequest job) {
        }

        @Override
        public boolean deduplicates() {
          return true;
        }

        @Override
        public Set<String> jobOptions() {
          return Set.of("retry");
        }

        @Override
        public Optional<DedupeRetention> dedupeRetention() {
          return Optional.of(new DedupeRetention("dedupe-ttl", Duration.ofDays(1)));
        }

        @Override
        public void validate(JobRequest sample) {
          if (sample.args().contains("bad")) {
            throw new ConfigException("bugle.schedule." + sample.schedule() + ".args", "'bad' is not allowed");
          }
        }
      };
    }
  }

  @Test
  void jobOptionsAndArgsAreValidatedByTheTargetEnqueuer() {
    Providers p = Providers.of(Map.of("strict", new StrictProvider(), "log", new LogEnqueuerProvider()),
        Map.of("local", new dev.bugle.core.internal.local.LocalLockProvider()));
    Map<String, String> ok = config("bugle.enqueuer.main.type", "strict", "bugle.enqueuer.main.password", "hunter2",
        "bugle.schedule.rates.option.retry", "3");
    try (Components c = assemble(ok, p)) {
      assertThat(c.secretKeys()).containsExactly("bugle.enqueuer.main.password");
    }
    assertThatThrownBy(() -> assemble(config("bugle.enqueuer.main.type", "strict",
        "bugle.schedule.rates.option.retyr", "3"), p))
        .hasMessageContaining("bugle.schedule.rates.option.retyr").hasMessageContaining("did you mean 'retry'");
    assertThatThrownBy(() -> assemble(config("bugle.enqueuer.main.type", "strict",
        "bugle.schedule.rates.args", "[\"bad\"]"), p))
        .hasMessageContaining("bugle.schedule.rates.args");
  }

  @Test
  void aMisfireWindowAsLongAsTheEnqueuerRemembersFiresIsRefused() {
    Providers p = Providers.of(Map.of("strict", new StrictProvider(), "log", new LogEnqueuerProvider()),
        Map.of("local", new dev.bugle.core.internal.local.LocalLockProvider()));
    try (Components c = assemble(config("bugle.enqueuer.main.type", "strict",
        "bugle.schedule.rates.misfire-window", "23h"), p)) {
      assertThat(c.enqueuers()).containsOnlyKeys("main");
    }
    assertThatThrownBy(() -> assemble(config("bugle.enqueuer.main.type", "strict",
        "bugle.schedule.rates.misfire-window", "1d"), p))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.schedule.rates.misfire-window")
        .hasMessageContaining("bugle.enqueuer.main.dedupe-ttl")
        .hasMessageContaining("bugle.enqueuer.main.dedupe-ttl=2d");
    // the log enqueuer does not deduplicate, so it has nothing to forget
    try (Components c = assemble(config("bugle.schedule.rates.misfire-window", "30d"), p)) {
      assertThat(c.enqueuers()).containsOnlyKeys("log");
    }
  }
}
