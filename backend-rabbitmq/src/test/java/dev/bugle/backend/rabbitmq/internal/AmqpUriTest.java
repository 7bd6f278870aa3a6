package dev.bugle.backend.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.ConfigException;
import org.junit.jupiter.api.Test;

class AmqpUriTest {
  private static final String KEY = "bugle.enqueuer.main.uri";

  @Test
  void readsEveryPart() {
    AmqpUri uri = AmqpUri.parse(KEY, "amqp://bob:s%40cret@rabbit.example:5673/shop");
    assertThat(uri).isEqualTo(new AmqpUri(false, "rabbit.example", 5673, "shop", "bob", "s@cret"));
  }

  @Test
  void everySpellingOfTheDefaultVhostMeansSlash() {
    for (String text : new String[] {"amqp://h", "amqp://h/", "amqp://h//", "amqp://h/%2F", "amqp://h:5672/%2f"}) {
      assertThat(AmqpUri.parse(KEY, text).virtualHost()).as(text).isEqualTo("/");
    }
  }

  @Test
  void amqpsDefaultsToTlsPort5671AndGuestCredentialsWhenAbsent() {
    AmqpUri uri = AmqpUri.parse(KEY, "amqps://rabbit.example");
    assertThat(uri.tls()).isTrue();
    assertThat(uri.port()).isEqualTo(5671);
    assertThat(uri.username()).isEqualTo("guest");
    assertThat(AmqpUri.parse(KEY, "amqp://h").port()).isEqualTo(5672);
  }

  @Test
  void toStringMasksThePassword() {
    AmqpUri uri = AmqpUri.parse(KEY, "amqp://bob:topsecret@h:5672/shop");
    assertThat(uri.toString()).isEqualTo("amqp://bob:****@h:5672/shop").doesNotContain("topsecret");
    assertThat(uri.withPassword("other").password()).isEqualTo("other");
  }

  @Test
  void badUrisNameTheKeyMaskThePasswordAndShowAnExample() {
    for (String text : new String[] {"http://bob:topsecret@h", "amqp://bob:topsecret@h/a/b", "amqp:///x",
        "amqp://bob:topsecret@h/?heartbeat=5", "amqp://h:99999/"}) {
      assertThatThrownBy(() -> AmqpUri.parse(KEY, text)).as(text)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(KEY)
          .hasMessageContaining(AmqpUri.EXAMPLE)
          .hasMessageNotContaining("topsecret");
    }
  }
}
