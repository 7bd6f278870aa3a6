package dev.bugle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fire placeholders in args and kwargs: replaced per fire by Schedule.requestAt, checked at start-up. */
class PlaceholdersTest {
  private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");

  private static BugleConfig parse(String args, String kwargs) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("bugle.namespace", "shop");
    p.put("bugle.schedule.digest.cron", "0 9 * * MON");
    p.put("bugle.schedule.digest.job", "WeeklyDigestJob");
    p.put("bugle.schedule.digest.args", args);
    p.put("bugle.schedule.digest.kwargs", kwargs);
    return ConfigLoader.parse(p, Map.of());
  }

  @Test
  void replacesEachPlaceholderForTheFire() {
    Schedule s = parse("[\"{{scheduled_at}}\", \"weekly\", \"{{scheduled_at_epoch}}\", [\"id {{fire_id}}\"]]",
        "{\"at\": {\"epoch\": \"{{scheduled_at_epoch}}\", \"text\": \"t={{scheduled_at_epoch}}s\"}, \"n\": 2}")
        .schedule("digest").orElseThrow();
    JobRequest job = s.requestAt("shop", AT);
    String id = JobRequest.idFor("shop", "digest", AT).toString();
    assertThat(job.id().toString()).isEqualTo(id);
    assertThat(job.args()).containsExactly("2026-12-07T09:00:00Z", "weekly", 1796634000L, List.of("id " + id));
    assertThat(job.kwargs()).isEqualTo(Map.of("at", Map.of("epoch", 1796634000L, "text", "t=1796634000s"), "n", 2));
    assertThat(s.placeholders()).isTrue();
    assertThat(s.args().get(0)).isEqualTo("{{scheduled_at}}"); // the schedule keeps them as written
  }

  @Test
  void aScheduleWithoutPlaceholdersSendsItsValuesUnchanged() {
    Schedule s = parse("[\"USD\", 2, {\"k\": null}, \"{ {not} }\"]", "{\"a\": [1]}").schedule("digest").orElseThrow();
    assertThat(s.placeholders()).isFalse();
    JobRequest job = s.requestAt("shop", AT);
    assertThat(job.args()).isEqualTo(s.args());
    assertThat(job.kwargs()).isEqualTo(s.kwargs());
  }

  @Test
  void anUnknownPlaceholderIsAConfigErrorNamingTheKeyAndTheValidOnes() {
    assertThatThrownBy(() -> parse("[\"{{scheduled_on}}\"]", "{}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.schedule.digest.args")
        .hasMessageContaining("{{scheduled_on}}")
        .hasMessageContaining("{{scheduled_at}}, {{scheduled_at_epoch}}, {{fire_id}}");
    assertThatThrownBy(() -> parse("[]", "{\"a\": {\"b\": \"x {{fire_id}} {{ fire_id }}\"}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.schedule.digest.kwargs")
        .hasMessageContaining("'{{ fire_id }}'");
    assertThatThrownBy(() -> parse("[\"{{fire_id\"]", "{}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'{{fire_id'");
  }
}
