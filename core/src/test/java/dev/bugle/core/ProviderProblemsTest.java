package dev.bugle.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.internal.local.LocalLockProvider;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.spi.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provider mistakes are all reported together, and never hidden behind other mistakes. */
class ProviderProblemsTest {
  @TempDir
  Path dir;

  /** Reads four keys, checking one range itself, the way ConsulLockSettings does. */
  static final class FourKeys implements EnqueuerProvider {
    @Override
    public String type() {
      return "four";
    }

    @Override
    public Enqueuer create(Settings s) {
      Duration ttl = s.durationOf("ttl", Duration.ofSeconds(15));
      if (ttl.compareTo(Duration.ofHours(24)) > 0) {
        s.reject("ttl", "must be at most 24h", "15s");
      }
      s.durationOf("lock-delay", Duration.ofSeconds(15));
      s.secret("token");
      s.intOf("pool", 4, 1, 64);
      return new Enqueuer() {
        @Override
        public void enqueue(dev.bugle.core.JobRequest job) {
        }

        @Override
        public boolean deduplicates() {
          return false;
        }
      };
    }
  }

  private Providers providers() {
    return Providers.of(Map.of("four", new FourKeys(), "log",
        new dev.bugle.core.internal.log.LogEnqueuerProvider()), Map.of("local", new LocalLockProvider()));
  }

  private Map<String, String> config(String... kv) {
    Map<String, String> m = new LinkedHashMap<>(Map.of("bugle.schedule.rates.cron", "0 * * * *",
        "bugle.schedule.rates.job", "RatesJob", "bugle.lock.local.dir", dir.toString(),
        "bugle.schedule.rates.enqueuer", "main"));
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private void assemble(Map<String, String> props) {
    Components.assemble(ConfigLoader.parse(props, Map.of()), providers(), InstantSource.system()).close();
  }

  @Test
  void aBadValueLeavesTheKeysAfterItReadAndEveryMistakeIsReported() {
    assertThatThrownBy(() -> assemble(config("bugle.enqueuer.main.type", "four", "bugle.enqueuer.main.ttl", "soon",
        "bugle.enqueuer.main.lock-delay", "5s", "bugle.enqueuer.main.token", "t", "bugle.enqueuer.main.pool", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("2 configuration errors:")
        .hasMessageContaining("bugle.enqueuer.main.ttl: invalid value 'soon'")
        .hasMessageContaining("bugle.enqueuer.main.pool: invalid value '0'")
        .hasMessageNotContaining("unknown key");
  }

  @Test
  void aRangeTheProviderRejectsItselfLeavesTheKeysAfterItRead() {
    assertThatThrownBy(() -> assemble(config("bugle.enqueuer.main.type", "four", "bugle.enqueuer.main.ttl", "48h",
        "bugle.enqueuer.main.lock-delay", "5s", "bugle.enqueuer.main.token", "t", "bugle.enqueuer.main.tokn", "x")))
        .hasMessageStartingWith("2 configuration errors:")
        .hasMessageContaining("bugle.enqueuer.main.ttl: must be at most 24h; for example: bugle.enqueuer.main.ttl=15s")
        .hasMessageContaining("bugle.enqueuer.main.tokn: unknown key (did you mean 'token'?)")
        .hasMessageNotContaining("lock-delay: unknown").hasMessageNotContaining("token: unknown");
  }

  @Test
  void anUnknownTypeIsReportedWithTheOtherMistakesAndADidYouMean() {
    Map<String, String> props = config("bugle.enqueuer.main.type", "fuor", "bugle.schedule.rates.misfire", "never");
    assertThatThrownBy(() -> ConfigLoader.parse(props, Map.of(), providers()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("2 configuration errors:")
        .hasMessageContaining("bugle.schedule.rates.misfire: invalid value 'never'")
        .hasMessageContaining("bugle.enqueuer.main.type: unknown enqueuer type 'fuor' (did you mean 'four'?); types"
            + " on the class path: [four, log]; for example: bugle.enqueuer.main.type=four");
    Map<String, String> lock = config("bugle.lock", "locl", "bugle.schedule.rates.enqueuer", "log");
    lock.remove("bugle.lock.local.dir");
    assertThatThrownBy(() -> ConfigLoader.parse(lock, Map.of(), providers()))
        .hasMessageContaining("bugle.lock: unknown lock type 'locl' (did you mean 'local'?)");
  }

  @Test
  void settingsBuiltForTestsStillThrowAtTheFirstMistake() {
    Settings s = PropertySettings.of("bugle.enqueuer.main.", "shop", InstantSource.system(), Map.of("ttl", "48h"));
    assertThatThrownBy(() -> new FourKeys().create(s)).hasMessageContaining("must be at most 24h");
  }
}
