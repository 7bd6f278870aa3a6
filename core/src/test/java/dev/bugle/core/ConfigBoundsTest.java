package dev.bugle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations and instants are bounded at check time, so nothing they are added to can overflow at run time. */
class ConfigBoundsTest {
  private static BugleConfig parse(String... kv) {
    Map<String, String> m = new LinkedHashMap<>(Map.of("bugle.schedule.rates.every", "1h",
        "bugle.schedule.rates.job", "RatesJob"));
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return ConfigLoader.parse(m, Map.of());
  }

  @ParameterizedTest
  @CsvSource({"bugle.schedule.rates.jitter, 110000d, 30s", "bugle.schedule.rates.misfire-window, 400d, 1h",
      "bugle.schedule.rates.every, 99999999999999999999d, 15m", "bugle.lock.wait, 367d, 30s",
      "bugle.schedule.rates.jitter, P1000000D, 30s"})
  void aDurationThatCouldOverflowIsRefusedNamingTheKeyAndTheBound(String key, String value, String example) {
    assertThatThrownBy(() -> parse(key, value))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(key + ": invalid value '" + value + "'")
        .hasMessageContaining("at most 366d")
        .hasMessageContaining("for example: " + key + "=" + example);
  }

  @Test
  void theLongestJitterAndWindowStillPlanAFire() {
    Schedule s = parse("bugle.schedule.rates.jitter", "366d", "bugle.schedule.rates.misfire-window", "366d")
        .schedules().get(0);
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    assertThat(s.jitterOffset()).isLessThan(Duration.ofDays(366));
    assertThat(dev.bugle.core.internal.FirePlanner.plan(s, now.minus(Duration.ofDays(400)), now).next()).isPresent();
  }

  @Test
  void aZeroMisfireWindowIsRefusedWithWhatToDoInstead() {
    assertThatThrownBy(() -> parse("bugle.schedule.rates.misfire-window", "0"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bugle.schedule.rates.misfire-window: is 0, but must be at least 1s")
        .hasMessageContaining("set misfire=skip instead")
        .hasMessageContaining("for example: bugle.schedule.rates.misfire-window=1h");
    assertThatThrownBy(() -> parse("bugle.schedule.rates.misfire-window", "500ms")).hasMessageContaining("at least 1s");
    assertThat(parse("bugle.schedule.rates.misfire-window", "1s").schedules().get(0).misfireWindow())
        .isEqualTo(Duration.ofSeconds(1));
  }

  @ParameterizedTest
  @CsvSource({"bugle.schedule.rates.at, +999999999-12-31T23:59:59Z", "bugle.schedule.rates.start-at, -5000-01-01T00:00:00Z"})
  void anInstantOutsideTheYears1To9999IsRefused(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(Map.of("bugle.schedule.rates.job", "RatesJob", key, value));
    if (key.endsWith("start-at")) {
      m.put("bugle.schedule.rates.every", "1ms");
    }
    assertThatThrownBy(() -> ConfigLoader.parse(m, Map.of()))
        .hasMessageStartingWith(key + ": invalid value '" + value + "'").hasMessageContaining("years 1 to 9999");
  }

  @Test
  void aProviderDurationIsBoundedToo() {
    PropertySettings s = PropertySettings.of("bugle.lock.consul.", "shop", java.time.InstantSource.system(),
        Map.of("ttl", "110000d"));
    assertThatThrownBy(() -> s.durationOf("ttl", Duration.ofSeconds(15)))
        .hasMessageStartingWith("bugle.lock.consul.ttl: invalid value '110000d'").hasMessageContaining("at most 366d")
        .hasMessageContaining("bugle.lock.consul.ttl=15s");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"bugle.schedule.rates.args | [1e999999]", "bugle.schedule.rates.args | [1, [-1e400]]",
      "bugle.schedule.rates.kwargs | {\"a\": {\"b\": 1E+999999}}"})
  void aNumberOutOfRangeIsRefusedNotSentAsInfinity(String key, String value) {
    assertThatThrownBy(() -> parse(key, value))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(key + ": holds a number out of range (it would be sent as ")
        .hasMessageContaining("Infinity").hasMessageContaining("for example: " + key + "=");
  }

  @Test
  void largeButFiniteNumbersStay() {
    assertThat(parse("bugle.schedule.rates.args", "[1.7e308, 123456789012345678901234567890]").schedules().get(0)
        .args()).containsExactly(1.7e308, new java.math.BigInteger("123456789012345678901234567890"));
  }
}
