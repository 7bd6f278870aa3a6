package dev.bugle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static Map<String, String> props(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Map<String, String> minimal(String... extra) {
    Map<String, String> m = props("bugle.schedule.rates.cron", "0 * * * *", "bugle.schedule.rates.job", "RatesJob");
    m.putAll(props(extra));
    return m;
  }

  private static BugleConfig parse(Map<String, String> p) {
    return ConfigLoader.parse(p, Map.of("REDIS_HOST", "10.0.0.5"));
  }

  @Test
  void readsTheDesignExample(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bugle.properties");
    Files.writeString(file, String.join("\n",
        "bugle.namespace=shop",
        "bugle.lock=local",
        "bugle.lock.wait=30s",
        "bugle.enqueuer.main.type=log",
        "bugle.schedule.currency-rates.cron=0 * * * *",
        "bugle.schedule.currency-rates.time-zone=Europe/Moscow",
        "bugle.schedule.currency-rates.job=CurrencyRatesJob",
        "bugle.schedule.currency-rates.args=[\"USD\", 2, null]",
        "bugle.schedule.weekly-digest.cron=0 9 * * MON",
        "bugle.schedule.weekly-digest.job=WeeklyDigestJob",
        "bugle.schedule.weekly-digest.misfire=catch-up",
        "bugle.schedule.weekly-digest.misfire-window=${WINDOW:-6h}",
        "bugle.schedule.weekly-digest.kwargs={\"to\": \"Grüße\"}",
        "bugle.schedule.weekly-digest.option.retry=3",
        "not.bugle.key=ignored"));
    BugleConfig c = ConfigLoader.load(file, Map.of("bugle.lock.wait", "0"), Map.of());
    assertThat(c.namespace()).isEqualTo("shop");
    assertThat(c.lockWait()).contains(Duration.ZERO);
    Schedule rates = c.schedule("currency-rates").orElseThrow();
    assertThat(rates.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
    assertThat(rates.args()).containsExactly("USD", 2, null);
    assertThat(rates.enqueuer()).isEqualTo("main");
    Schedule digest = c.schedule("weekly-digest").orElseThrow();
    assertThat(digest.misfire()).isEqualTo(MisfirePolicy.CATCH_UP);
    assertThat(digest.misfireWindow()).isEqualTo(Duration.ofHours(6));
    assertThat(digest.kwargs()).containsEntry("to", "Grüße");
    assertThat(digest.options()).containsEntry("retry", "3");
  }

  @Test
  void withoutEnqueuersTheLogEnqueuerIsTheDefault() {
    BugleConfig c = parse(minimal());
    assertThat(c.enqueuers()).containsOnlyKeys("log");
    assertThat(c.lockType()).isEqualTo("local");
    assertThat(c.lockWait()).isEmpty();
    assertThat(c.onLost()).isEqualTo(BugleConfig.OnLost.EXIT);
  }

  @Test
  void environmentVariablesAreExpandedWithDefaults() {
    BugleConfig c = parse(minimal("bugle.schedule.rates.args", "[\"${REDIS_HOST}\", \"${PORT:-6379}\"]"));
    assertThat(c.schedule("rates").orElseThrow().args()).containsExactly("10.0.0.5", "6379");
    assertThat(c.templates()).containsOnly(
        Map.entry("bugle.schedule.rates.args", "[\"${REDIS_HOST}\", \"${PORT:-6379}\"]"));
  }

  private static void rejects(Map<String, String> p, String key, String... fragments) {
    assertThatThrownBy(() -> parse(p))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(key).contains(List.of(fragments)));
  }

  @Test
  void aMissingEnvironmentVariableNamesKeyAndVariable() {
    rejects(minimal("bugle.namespace", "${NAMESPACE}"), "bugle.namespace", "NAMESPACE is not set", "${NAMESPACE:-");
  }

  @Test
  void unknownKeysAreErrorsWithADidYouMean() {
    rejects(minimal("bugle.schedule.rates.crn", "x"), "bugle.schedule.rates.crn", "did you mean 'cron'");
    rejects(minimal("bugle.namespac", "x"), "bugle.namespac", "did you mean 'bugle.namespace'");
    rejects(minimal("bugle.lok", "x"), "bugle.lok", "unknown key");
  }

  @Test
  void keysAreSplitAtTheirFirstThreeDotsAndBlankOptionalValuesAreDefaults() {
    rejects(minimal("bugle.schedules.rates.cron", "x"), "bugle.schedules.rates.cron", "unknown key");
    rejects(minimal("bugle.schedule.rates", "x"), "bugle.schedule.rates", "bugle.schedule.rates: unknown key");
    rejects(minimal("bugle.schedule..cron", "0 * * * *"), "bugle.schedule..job", "schedule name ''");
    rejects(minimal("bugle.lock.wait.x", "x"), "bugle.lock.wait.x", "set bugle.lock=wait");
    Schedule s = parse(minimal("bugle.schedule.rates.jitter", " ", "bugle.schedule.rates.args", "",
        "bugle.schedule.rates.misfire-window", " ", "bugle.schedule.rates.catch-up-limit", "")).schedules().get(0);
    assertThat(s.jitter()).isZero();
    assertThat(s.args()).isEmpty();
    assertThat(s.misfireWindow()).isEqualTo(Schedule.DEFAULT_MISFIRE_WINDOW);
    assertThat(s.catchUpLimit()).isEqualTo(Schedule.DEFAULT_CATCH_UP_LIMIT);
  }

  @Test
  void badValuesNameTheKeyAndShowAValidExample() {
    rejects(minimal("bugle.schedule.rates.cron", "61 * * * *"), "bugle.schedule.rates.cron", "Parsable examples",
        "0 * * * *");
    rejects(minimal("bugle.schedule.rates.misfire-window", "an hour"), "bugle.schedule.rates.misfire-window",
        "for example: bugle.schedule.rates.misfire-window=1h");
    rejects(minimal("bugle.schedule.rates.args", "USD, 2"), "bugle.schedule.rates.args", "for example");
    rejects(minimal("bugle.schedule.rates.kwargs", "[1]"), "bugle.schedule.rates.kwargs", "for example");
    rejects(minimal("bugle.schedule.rates.misfire", "sometimes"), "bugle.schedule.rates.misfire", "fire-once");
    rejects(minimal("bugle.schedule.rates.time-zone", "Mars/Olympus"), "bugle.schedule.rates.time-zone",
        "Europe/Berlin");
    rejects(minimal("bugle.schedule.rates.catch-up-limit", "0"), "bugle.schedule.rates.catch-up-limit", "100");
    rejects(minimal("bugle.lock.wait", "soon"), "bugle.lock.wait", "forever");
    rejects(minimal("bugle.lock.on-lost", "panic"), "bugle.lock.on-lost", "recontend");
    rejects(minimal("bugle.namespace", "my shop"), "bugle.namespace", "shop");
    rejects(props("bugle.schedule.x.every", "0s", "bugle.schedule.x.job", "J"), "bugle.schedule.x.every", "15m");
    rejects(props("bugle.schedule.x.at", "tomorrow", "bugle.schedule.x.job", "J"), "bugle.schedule.x.at",
        "2026-12-24T18:00:00+01:00");
  }

  @Test
  void structuralMistakesNameTheKey() {
    rejects(props("bugle.schedule.x.job", "J"), "bugle.schedule.x.cron", "needs one of");
    rejects(props("bugle.schedule.x.job", "J", "bugle.schedule.x.cron", "@daily", "bugle.schedule.x.every", "1h"),
        "bugle.schedule.x.cron", "only one of");
    rejects(props("bugle.schedule.x.cron", "@daily"), "bugle.schedule.x.job", "is required");
    rejects(minimal("bugle.schedule.rates.enqueuer", "redis"), "bugle.schedule.rates.enqueuer", "not configured");
    rejects(minimal("bugle.enqueuer.a.type", "log", "bugle.enqueuer.b.type", "log"), "bugle.schedule.rates.enqueuer",
        "several enqueuers");
    rejects(minimal("bugle.enqueuer.a.file", "/tmp/x"), "bugle.enqueuer.a.type", "is required");
    rejects(minimal("bugle.lock.consul.ttl", "15s"), "bugle.lock.consul.ttl", "bugle.lock=local");
    rejects(props(), "bugle.schedule", "no schedules");
  }

  @Test
  void everyMistakeIsReportedInOneGo() {
    assertThatThrownBy(() -> parse(minimal("bugle.schedule.rates.jitter", "lots", "bugle.schedule.rates.misfire",
        "x", "bugle.bogus", "1")))
        .hasMessageContaining("3 configuration errors")
        .hasMessageContaining("bugle.schedule.rates.jitter")
        .hasMessageContaining("bugle.schedule.rates.misfire")
        .hasMessageContaining("bugle.bogus");
  }

  @Test
  void aMissingFileIsAConfigError(@TempDir Path dir) {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.properties"), Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("nope.properties");
  }
}
