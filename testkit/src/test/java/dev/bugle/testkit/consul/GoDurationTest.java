package dev.bugle.testkit.consul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Go's time.ParseDuration and Duration.String(), which Consul's messages use. */
class GoDurationTest {
  @Test
  void parsesGoDurations() {
    assertThat(GoDuration.parse("10s")).isEqualTo(10_000_000_000L);
    assertThat(GoDuration.parse("1m30s")).isEqualTo(90_000_000_000L);
    assertThat(GoDuration.parse("1.5s")).isEqualTo(1_500_000_000L);
    assertThat(GoDuration.parse("250ms")).isEqualTo(250_000_000L);
    assertThat(GoDuration.parse("0")).isZero();
    assertThatThrownBy(() -> GoDuration.parse("10")).hasMessage("time: invalid duration \"10\"");
    assertThatThrownBy(() -> GoDuration.parse("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formatsLikeGo() {
    assertThat(GoDuration.format(10_000_000_000L)).isEqualTo("10s");
    assertThat(GoDuration.format(86_400_000_000_000L)).isEqualTo("24h0m0s");
    assertThat(GoDuration.format(250_000_000L)).isEqualTo("250ms");
    assertThat(GoDuration.format(90_000_000_000L)).isEqualTo("1m30s");
    assertThat(GoDuration.format(1_500_000_000L)).isEqualTo("1.5s");
    assertThat(GoDuration.format(0)).isEqualTo("0s");
  }
}
