package dev.bugle.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.EveryTrigger;
import dev.bugle.core.Schedule;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LastFireTest {
  @Test
  void aCheckpointOnTheTriggersGridIsAFireAndAStartUpTimeIsNot() {
    Schedule s = Schedule.of("tick", EveryTrigger.of(Duration.ofMinutes(5)), "TickJob", "log");
    Instant fire = Instant.parse("2026-12-01T10:05:00Z");
    assertThat(LastFire.fromCheckpoint(s, fire)).hasValue(fire);
    assertThat(LastFire.fromCheckpoint(s, Instant.parse("2026-12-01T10:06:12.345Z"))).isEmpty();
  }
}
