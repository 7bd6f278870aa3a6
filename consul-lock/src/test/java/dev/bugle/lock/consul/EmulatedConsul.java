package dev.bugle.lock.consul;

import dev.bugle.core.PropertySettings;
import dev.bugle.testkit.TestSettings;
import dev.bugle.testkit.consul.ConsulEmulator;
import dev.bugle.testkit.consul.EmulatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A private emulator per test, for behaviour only an emulator can show (stopping Consul, counting requests). */
abstract class EmulatedConsul {
  static final Duration TTL = Duration.ofSeconds(2);
  protected ConsulEmulator consul;
  protected final String key = ConsulTarget.uniqueKey();
  private final List<dev.bugle.spi.LeaderLock> locks = new ArrayList<>();

  protected EmulatorOptions options() {
    return EmulatorOptions.defaults().withMinSessionTtl(Duration.ofSeconds(1));
  }

  @BeforeEach
  void startConsul() {
    consul = ConsulEmulator.start(options());
  }

  @AfterEach
  void stopConsul() {
    locks.forEach(dev.bugle.spi.LeaderLock::close);
    consul.close();
  }

  protected PropertySettings settings(String... extra) {
    List<String> kv = new ArrayList<>(List.of("address", consul.address(), "key", key, "ttl", "2s",
        "session-ttl-min", "1s", "lock-delay", "0", "connect-timeout", "500ms", "read-timeout", "1s"));
    kv.addAll(Arrays.asList(extra));
    return TestSettings.lock("consul", kv.toArray(String[]::new));
  }

  protected ConsulLeaderLock lock(String... extra) {
    ConsulLeaderLock lock = (ConsulLeaderLock) new ConsulLockProvider().create(settings(extra));
    locks.add(lock);
    return lock;
  }
}
