package dev.bugle.lock.consul.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.LockException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointCodecTest {
  private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-03-01T11:00:00Z");

  @Test
  void roundTripsAndMergesForwardOnly() {
    String json = CheckpointCodec.encode(Map.of("digest", T2, "rates", T1));
    assertThat(json).isEqualTo("{\"digest\":\"2026-03-01T11:00:00Z\",\"rates\":\"2026-03-01T10:00:00Z\"}");
    Map<String, Instant> stored = CheckpointCodec.decode(json, "k");
    assertThat(CheckpointCodec.merge(stored, Map.of("digest", T1, "rates", T2, "new", T1)))
        .containsEntry("digest", T2).containsEntry("rates", T2).containsEntry("new", T1);
  }

  @Test
  void garbageIsALockErrorNamingTheKey() {
    assertThatThrownBy(() -> CheckpointCodec.decode("[1]", "bugle/x/leader/checkpoints"))
        .isInstanceOf(LockException.class).hasMessageContaining("bugle/x/leader/checkpoints");
    assertThat(CheckpointCodec.decode(null, "k")).isEmpty();
  }
}
