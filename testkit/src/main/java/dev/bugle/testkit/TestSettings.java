package dev.bugle.testkit;

import dev.bugle.core.PropertySettings;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@link PropertySettings} for a provider under test: {@code TestSettings.enqueuer("redis-url", "redis://…")}. */
public final class TestSettings {
  public static final String NAMESPACE = "test";

  private TestSettings() {
  }

  /** Settings under {@code bugle.enqueuer.test.}, from alternating keys and values. */
  public static PropertySettings enqueuer(String... keysAndValues) {
    return of("bugle.enqueuer.test.", InstantSource.system(), keysAndValues);
  }

  /** Settings under {@code bugle.lock.TYPE.}, from alternating keys and values. */
  public static PropertySettings lock(String type, String... keysAndValues) {
    return of("bugle.lock." + type + ".", InstantSource.system(), keysAndValues);
  }

  public static PropertySettings of(String prefix, InstantSource clock, String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must alternate");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return PropertySettings.of(prefix, NAMESPACE, clock, values);
  }
}
