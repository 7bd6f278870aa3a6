package dev.bugle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.Schedule;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void validIsExactlyTheNamePattern() {
    List<String> names = List.of("", "a", "Z", "0", "-", "_", "a-", "a_", "-a", "_a", "job-000001", "weekly_digest",
        "a.b", "a b", " a", "a ", "é", "aé", "a\n", "a/b", "ab$", "A9-_z", "\u0660", "a\u0660", "ß", "a:b", "😀");
    for (String n : names) {
      assertThat(Names.valid(n)).as(n).isEqualTo(Schedule.NAME.matcher(n).matches());
    }
    for (char c = 0; c < 512; c++) {
      String n = "x" + c;
      assertThat(Names.valid(n)).as("char %d", (int) c).isEqualTo(Schedule.NAME.matcher(n).matches());
      assertThat(Names.valid(String.valueOf(c))).as("char %d", (int) c)
          .isEqualTo(Schedule.NAME.matcher(String.valueOf(c)).matches());
    }
  }

  @Test
  void zoneIsZoneIdOf() {
    for (String id : List.of("UTC", "Europe/Berlin", "+05:30", "Z", "GMT+2", "Europe/Berlin")) {
      assertThat(Names.zone(id)).isEqualTo(ZoneId.of(id));
    }
    assertThatThrownBy(() -> Names.zone("Mars/Olympus")).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Names.zone("Mars/Olympus")).isInstanceOf(DateTimeException.class);
  }
}
