package dev.bugle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PropertySettingsTest {
  private static PropertySettings settings(String... kv) {
    Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return PropertySettings.of("bugle.enqueuer.main.", "shop", InstantSource.system(), m);
  }

  @Test
  void typedValuesWithDefaults() {
    PropertySettings s = settings("pool", "8", "ttl", "15s", "tls", "true", "push", "rpush");
    assertThat(s.intOf("pool", 4, 1, 64)).isEqualTo(8);
    assertThat(s.intOf("missing", 4, 1, 64)).isEqualTo(4);
    assertThat(s.durationOf("ttl", Duration.ZERO)).isEqualTo(Duration.ofSeconds(15));
    assertThat(s.durationOf("none", null)).isNull();
    assertThat(s.booleanOf("tls", false)).isTrue();
    assertThat(s.oneOf("push", "lpush", Set.of("lpush", "rpush"))).isEqualTo("rpush");
    assertThat(s.unreadKeys()).isEmpty();
  }

  @Test
  void everyErrorNamesTheFullKeyAndShowsAnExample() {
    assertThatThrownBy(() -> settings("pool", "many").intOf("pool", 4, 1, 64))
        .hasMessageContaining("bugle.enqueuer.main.pool").hasMessageContaining("bugle.enqueuer.main.pool=4");
    assertThatThrownBy(() -> settings("ttl", "soon").durationOf("ttl", null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bugle.enqueuer.main.ttl=30s");
    assertThatThrownBy(() -> settings("tls", "yes").booleanOf("tls", false)).hasMessageContaining("true or false");
    assertThatThrownBy(() -> settings("push", "shove").oneOf("push", "lpush", Set.of("lpush", "rpush")))
        .hasMessageContaining("[lpush, rpush]");
    assertThatThrownBy(() -> settings().string("redis-url", "redis://127.0.0.1:6379/0"))
        .hasMessageContaining("bugle.enqueuer.main.redis-url: is required")
        .hasMessageContaining("redis://127.0.0.1:6379/0");
  }

  @Test
  void recordsUnreadAndSecretKeys() {
    PropertySettings s = settings("password", "pw", "pasword", "typo");
    s.secret("password");
    assertThat(s.unreadKeys()).containsExactly("pasword");
    assertThat(s.secretKeys()).containsExactly("password");
  }
}
