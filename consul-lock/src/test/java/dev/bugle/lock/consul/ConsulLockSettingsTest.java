package dev.bugle.lock.consul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.ConfigException;
import dev.bugle.core.PropertySettings;
import dev.bugle.testkit.TestSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsulLockSettingsTest {

  @Test
  void defaultsFollowConsulAndTheDesign() {
    PropertySettings s = TestSettings.lock("consul");
    ConsulLockSettings c = ConsulLockSettings.read(s);
    assertThat(c.address()).hasToString("http://127.0.0.1:8500");
    assertThat(c.key()).isEqualTo("bugle/test/leader");
    assertThat(c.checkpointKey()).isEqualTo("bugle/test/leader/checkpoints");
    assertThat(c.ttl()).isEqualTo(Duration.ofSeconds(15));
    assertThat(c.renewEvery()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.lockDelay()).isEqualTo(Duration.ofSeconds(15));
    assertThat(c.token()).isNull();
    assertThat(s.unreadKeys()).isEmpty();
    assertThat(s.readKeys()).contains("address", "key", "ttl", "session-ttl-min", "lock-delay", "token",
        "connect-timeout", "read-timeout");
  }

  @Test
  void ttlBelowConsulsMinimumNamesTheKeyAndTheWayOut() {
    assertThatThrownBy(() -> ConsulLockSettings.read(TestSettings.lock("consul", "ttl", "5s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.lock.consul.ttl")
        .hasMessageContaining("bugle.lock.consul.session-ttl-min")
        .hasMessageContaining("for example: bugle.lock.consul.ttl=15s");
    ConsulLockSettings low = ConsulLockSettings.read(TestSettings.lock("consul", "ttl", "2s",
        "session-ttl-min", "1s", "read-timeout", "1s", "connect-timeout", "1s"));
    assertThat(low.ttl()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void invalidValuesAreConfigErrorsNamingTheKey() {
    assertBad("lock-delay", "61s", "at most 60s");
    assertBad("address", "ftp://consul:21", "http:// or https://");
    assertBad("address", "http://consul:8500/v1", "no path");
    assertBad("key", "/bugle/leader", "without a leading");
    assertBad("key", "bugle leader", "letters, digits");
    assertBad("read-timeout", "15s", "below the ttl");
    assertBad("ttl", "soon", "a duration");
  }

  /** A bad ttl must not stop the keys after it from being read, or they would be reported as unknown. */
  @Test
  void everyMistakeIsCollectedAndTheKeysAfterABadOneCountAsRead() {
    PropertySettings s = PropertySettings.collecting("bugle.lock.consul.", "shop", java.time.InstantSource.system(),
        java.util.Map.of("ttl", "48h", "lock-delay", "5s", "token", "t", "read-timeout", "3s", "address", "ftp://x"));
    ConsulLockSettings.read(s);
    assertThat(s.unreadKeys()).isEmpty();
    assertThat(s.problems()).extracting(ConfigException::key)
        .containsExactly("bugle.lock.consul.address", "bugle.lock.consul.ttl");
    PropertySettings soon = PropertySettings.collecting("bugle.lock.consul.", "shop",
        java.time.InstantSource.system(), java.util.Map.of("ttl", "soon", "lock-delay", "5s", "read-timeout", "3s"));
    ConsulLockSettings.read(soon);
    assertThat(soon.unreadKeys()).isEmpty();
    assertThat(soon.problems()).extracting(ConfigException::key).containsExactly("bugle.lock.consul.ttl");
  }

  @Test
  void httpsAddressesAreAccepted() {
    assertThat(ConsulLockSettings.read(TestSettings.lock("consul", "address", "https://consul.internal:8501"))
        .address()).hasToString("https://consul.internal:8501");
  }

  @Test
  void theTokenIsASecretAndNeverPrinted() {
    PropertySettings s = TestSettings.lock("consul", "token", "6c2f0e7e-secret-token");
    ConsulLockSettings c = ConsulLockSettings.read(s);
    assertThat(s.secretKeys()).containsExactly("token");
    assertThat(c.token()).isEqualTo("6c2f0e7e-secret-token");
    assertThat(c.toString()).doesNotContain("6c2f0e7e").contains("token ****");
  }

  @Test
  void createDoesNotConnect() {
    var lock = new ConsulLockProvider().create(TestSettings.lock("consul", "address", "http://127.0.0.1:1"));
    lock.close();
  }

  private static void assertBad(String key, String value, String message) {
    assertThatThrownBy(() -> ConsulLockSettings.read(TestSettings.lock("consul", key, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.lock.consul." + key)
        .hasMessageContaining(message)
        .hasMessageContaining("for example:");
  }
}
