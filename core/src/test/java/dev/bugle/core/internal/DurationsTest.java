package dev.bugle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @ValueSource(strings = {"367d", "110000d", "8785h", "99999999999999999999d", "9223372036854775807ms", "P367D",
      "PT9999999999H", "P106751991167301D"})
  void aDurationAbove366DaysIsRefusedNotOverflowed(String text) {
    assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("366d");
  }

  @ParameterizedTest
  @ValueSource(strings = {"366d", "8784h", "P366D", "31622400000ms"})
  void upTo366DaysIsAccepted(String text) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofDays(366));
  }
}
