package dev.bugle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EveryAndAtTriggerTest {
  @Test
  void everyIsAnchoredToTheEpochSoThatEveryNodeAgrees() {
    EveryTrigger every = EveryTrigger.of(Duration.ofMinutes(15));
    assertThat(every.nextAfter(Instant.parse("2026-11-27T10:07:31Z"))).contains(Instant.parse("2026-11-27T10:15:00Z"));
    assertThat(every.nextAfter(Instant.parse("2026-11-27T10:15:00Z"))).contains(Instant.parse("2026-11-27T10:30:00Z"));
  }

  @Test
  void everyWithAStartAnchorFiresFromThatInstantOn() {
    EveryTrigger every = new EveryTrigger(Duration.ofHours(2), Instant.parse("2026-12-01T09:30:00Z"), true);
    assertThat(every.nextAfter(Instant.parse("2026-11-27T00:00:00Z"))).contains(Instant.parse("2026-12-01T09:30:00Z"));
    assertThat(every.nextAfter(Instant.parse("2026-12-01T09:30:00Z"))).contains(Instant.parse("2026-12-01T11:30:00Z"));
    assertThat(every.nextAfter(Instant.parse("2026-12-01T12:00:00Z"))).contains(Instant.parse("2026-12-01T13:30:00Z"));
  }

  @Test
  void everyWithSubSecondPeriods() {
    EveryTrigger every = EveryTrigger.of(Duration.ofMillis(250));
    assertThat(every.nextAfter(Instant.parse("2026-11-27T00:00:00.100Z")))
        .contains(Instant.parse("2026-11-27T00:00:00.250Z"));
  }

  @Test
  void everyRejectsAZeroPeriod() {
    assertThatThrownBy(() -> EveryTrigger.of(Duration.ZERO)).hasMessageContaining("period");
  }

  @Test
  void atFiresOnceThenNever() {
    AtTrigger at = new AtTrigger(Instant.parse("2026-12-24T18:00:00Z"));
    assertThat(at.nextAfter(Instant.parse("2026-12-01T00:00:00Z"))).contains(Instant.parse("2026-12-24T18:00:00Z"));
    assertThat(at.nextAfter(Instant.parse("2026-12-24T18:00:00Z"))).isEmpty();
  }
}
