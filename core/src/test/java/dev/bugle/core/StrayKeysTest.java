package dev.bugle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys that are almost bugle.* are mistakes with a "did you mean"; other programs' keys stay allowed. */
class StrayKeysTest {
  private static BugleConfig parse(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(Map.of("bugle.schedule.rates.cron", "0 * * * *",
        "bugle.schedule.rates.job", "RatesJob"));
    m.put(key, value);
    return ConfigLoader.parse(m, Map.of());
  }

  @ParameterizedTest
  @CsvSource({
      "Bugle.lock, consul, bugle.lock",
      "BUGLE.namespace, shop, bugle.namespace",
      "bugel.namespace, x, bugle.namespace",
      "bugle_lock, consul, bugle.lock",
      "bugle-lock-wait, 30s, bugle.lock.wait",
      "BUGLE_LOCK_WAIT, 30s, bugle.lock.wait",
      "bugl.schedule.a.cron, @daily, bugle.schedule.a.cron",
      "buglle.enqueuer.main.type, sidekiq, bugle.enqueuer.main.type"})
  void aKeyThatIsAlmostBugleIsAnErrorWithADidYouMean(String key, String value, String meant) {
    assertThatThrownBy(() -> parse(key, value))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(key + ": is not read: Bugle reads only keys that start with 'bugle.' (did you mean '"
            + meant + "'?); for example: " + meant + "=" + value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"spring.datasource.url", "bug.tracker", "eagle.eye", "app.bugle.lock", "b", "blog.title"})
  void otherKeysStayAllowed(String key) {
    assertThat(parse(key, "x").namespace()).isEqualTo("default");
  }
}
