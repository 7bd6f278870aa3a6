package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.backend.redis.internal.RedisUrl;
import dev.bugle.core.ConfigException;
import org.junit.jupiter.api.Test;

class RedisUrlTest {
  private static final String KEY = "bugle.enqueuer.main.redis-url";

  @Test
  void plainAddressWithDefaults() {
    RedisUrl url = RedisUrl.parse(KEY, "redis://cache.internal");
    assertThat(url).isEqualTo(new RedisUrl(false, "cache.internal", 6379, null, null, 0));
  }

  @Test
  void tlsUserPasswordPortAndDatabase() {
    RedisUrl url = RedisUrl.parse(KEY, "rediss://app:s%40cr%3At@redis.example:6380/3");
    assertThat(url).isEqualTo(new RedisUrl(true, "redis.example", 6380, "app", "s@cr:t", 3));
  }

  @Test
  void passwordOnlyAndIpv6() {
    assertThat(RedisUrl.parse(KEY, "redis://:pw@[::1]:6379/1"))
        .isEqualTo(new RedisUrl(false, "::1", 6379, null, "pw", 1));
    assertThat(RedisUrl.parse(KEY, "redis://user@host").user()).isEqualTo("user");
  }

  @Test
  void toStringMasksThePassword() {
    RedisUrl url = RedisUrl.parse(KEY, "redis://app:topsecret@host:6379/2");
    assertThat(url.toString()).isEqualTo("redis://app:****@host:6379/2").doesNotContain("topsecret");
    assertThat(url.withPassword("other").password()).isEqualTo("other");
  }

  @Test
  void badAddressesNameTheKeyAndMaskThePassword() {
    for (String bad : new String[] {"http://host", "redis://", "redis://host/x", "redis://host/0?a=b", "host:6379",
        "redis://u:topsecret@host/-1"}) {
      assertThatThrownBy(() -> RedisUrl.parse(KEY, bad)).as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(KEY)
          .hasMessageContaining("redis://127.0.0.1:6379/0")
          .hasMessageNotContaining("topsecret");
    }
  }
}
