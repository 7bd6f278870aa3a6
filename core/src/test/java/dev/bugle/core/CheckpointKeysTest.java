package dev.bugle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointKeysTest {
  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant FIRE = Instant.parse("2026-12-01T11:00:00Z");

  @Test
  void aCheckpointEqualToWherePlanningBeganIsNoFireAndAnyLaterOneIs() {
    assertThat(CheckpointKeys.lastFire(Map.of(), "rates")).isEmpty();
    Map<String, Instant> fresh = Map.of("rates", START, CheckpointKeys.plannedFrom("rates"), START);
    assertThat(CheckpointKeys.lastFire(fresh, "rates")).isEmpty();
    Map<String, Instant> fired = Map.of("rates", FIRE, CheckpointKeys.plannedFrom("rates"), START);
    assertThat(CheckpointKeys.lastFire(fired, "rates")).contains(FIRE);
    // A store written before the marker existed: its checkpoint counts as a fire.
    assertThat(CheckpointKeys.lastFire(Map.of("rates", START), "rates")).contains(START);
    assertThat(CheckpointKeys.isMarker(CheckpointKeys.plannedFrom("rates"))).isTrue();
    assertThat(Schedule.NAME.matcher(CheckpointKeys.plannedFrom("rates")).matches()).isFalse();
  }
}
