package dev.bugle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.internal.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy every bugle.* value follows: no control characters, at most 65,536 characters, shown abbreviated. */
class ConfigValuesTest {
  private static BugleConfig parse(String... kv) {
    Map<String, String> m = new LinkedHashMap<>(Map.of("bugle.schedule.rates.cron", "0 * * * *",
        "bugle.schedule.rates.job", "RatesJob"));
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return ConfigLoader.parse(m, Map.of("NUL", "a\u0000b"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bugle.schedule.rates.job", "bugle.schedule.rates.queue", "bugle.namespace",
      "bugle.enqueuer.main.type", "bugle.schedule.rates.option.retry"})
  void aControlCharacterIsRefusedNamingTheKey(String key) {
    assertThatThrownBy(() -> parse(key, "Rates\u0000Job"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key + ": holds the control character \\u0000 at position 6")
        .hasMessageContaining("for example: " + key + "=RatesJob")
        .hasMessageNotContaining("\u0000");
  }

  @Test
  void aControlCharacterFromTheEnvironmentIsRefusedToo() {
    assertThatThrownBy(() -> parse("bugle.schedule.rates.queue", "${NUL}"))
        .hasMessageStartingWith("bugle.schedule.rates.queue: holds the control character \\u0000");
  }

  @Test
  void jsonMayBeWrittenOverSeveralLinesButNotHoldRawControlCharacters() {
    assertThat(parse("bugle.schedule.rates.args", "[\"USD\",\n\t2]").schedules().get(0).args())
        .containsExactly("USD", 2);
    assertThat(parse("bugle.schedule.rates.args", "[\"a\\u0000b\"]").schedules().get(0).args())
        .as("an escaped NUL inside a JSON string is data").containsExactly("a\u0000b");
    assertThatThrownBy(() -> parse("bugle.schedule.rates.kwargs", "{\"a\": \"\u0007\"}"))
        .hasMessageStartingWith("bugle.schedule.rates.kwargs: holds the control character \\u0007")
        .hasMessageContaining("\\u0000");
  }

  @Test
  void aValueAboveTheLimitIsRefusedNamingTheKeyWithoutEchoingIt() {
    String huge = "[" + "1,".repeat(3_000_000) + "1]";
    assertThatThrownBy(() -> parse("bugle.schedule.rates.args", huge))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bugle.schedule.rates.args: is 6000003 characters long; the limit is 65536 per value")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
    assertThat(parse("bugle.schedule.rates.args", "[\"" + "x".repeat(Values.MAX_CHARS - 4) + "\"]")
        .schedules().get(0).args()).hasSize(1);
  }

  @Test
  void invalidValuesAreShownEscapedAndAbbreviated() {
    assertThatThrownBy(() -> parse("bugle.lock.on-lost", "x".repeat(10_000)))
        .hasMessageContaining("invalid value '" + "x".repeat(200) + "… (10000 characters in all)'")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
    assertThat(Values.show("a\tb\u001b")).isEqualTo("a\\u0009b\\u001b");
  }

  @Test
  void aControlCharacterInAScheduleNameIsRefusedAndShownEscaped() {
    assertThatThrownBy(() -> parse("bugle.schedule.ra\u0000tes.cron", "@daily", "bugle.schedule.ra\u0000tes.job", "J"))
        .hasMessageContaining("bugle.schedule.ra\\u0000tes.job: schedule name 'ra\\u0000tes' may hold only letters")
        .hasMessageNotContaining("\u0000");
  }
}
