package dev.bugle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvExpanderTest {
  private static final Map<String, String> ENV = Map.of("HOST", "redis.internal", "EMPTY", "");

  @Test
  void expandsVariablesAndDefaults() {
    assertThat(EnvExpander.expand("k", "redis://${HOST}:${PORT:-6379}/0", ENV)).isEqualTo("redis://redis.internal:6379/0");
    assertThat(EnvExpander.expand("k", "${EMPTY:-fallback}", ENV)).isEqualTo("fallback");
    assertThat(EnvExpander.expand("k", "${EMPTY}", ENV)).isEmpty();
    assertThat(EnvExpander.expand("k", "costs $5 and {braces}", ENV)).isEqualTo("costs $5 and {braces}");
  }

  @Test
  void aValueWithoutReferencesIsReturnedAsIs() {
    String plain = "0 * * * *";
    assertThat(EnvExpander.expand("k", plain, ENV)).isSameAs(plain);
  }

  @Test
  void anUnsetVariableWithoutDefaultNamesKeyAndVariable() {
    assertThatThrownBy(() -> EnvExpander.expand("bugle.namespace", "${NOPE}", ENV))
        .hasMessageStartingWith("bugle.namespace: ").hasMessageContaining("NOPE").hasMessageContaining("${NOPE:-");
  }

  @Test
  void anUnterminatedOrMalformedReferenceIsAnErrorNamingTheKey() {
    assertThatThrownBy(() -> EnvExpander.expand("bugle.schedule.x.queue", "mail-${HOST", ENV))
        .isInstanceOf(dev.bugle.core.ConfigException.class)
        .hasMessageStartingWith("bugle.schedule.x.queue: '${HOST' is not closed")
        .hasMessageContaining("for example: bugle.schedule.x.queue=${HOST} or ${HOST:-value}");
    assertThatThrownBy(() -> EnvExpander.expand("k", "${HOST}/${", ENV)).hasMessageStartingWith("k: '${' is not closed");
    assertThatThrownBy(() -> EnvExpander.expand("k", "${1X}", ENV))
        .hasMessageStartingWith("k: '${1X}' is not a valid reference");
  }
}
