package dev.bugle.core.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The standby's I/O error line: at once, then at most once per period; driven by given times, not by sleeping. */
class ThrottleTest {
  @Test
  void theFirstPassesAndRepeatsWithinThePeriodAreCountedUntilTheNextOnePasses() {
    Throttle t = new Throttle(30);
    assertThat(t.pass(1_000)).isZero();
    assertThat(t.pass(1_010)).isEqualTo(-1);
    assertThat(t.pass(1_029)).isEqualTo(-1);
    assertThat(t.pass(1_030)).as("two held back").isEqualTo(2);
    assertThat(t.pass(1_031)).isEqualTo(-1);
    assertThat(t.pass(5_000)).isEqualTo(1);
  }

  @Test
  void theFirstPassesWhateverTheClockSays() {
    assertThat(new Throttle(Throttle.PERIOD_NANOS).pass(Long.MIN_VALUE)).isZero();
  }
}
