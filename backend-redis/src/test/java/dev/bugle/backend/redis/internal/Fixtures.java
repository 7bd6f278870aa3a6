package dev.bugle.backend.redis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.core.JobRequest;
import dev.bugle.core.PropertySettings;
import dev.bugle.support.JobJson;
import dev.bugle.testkit.SettableClock;
import dev.bugle.testkit.TestSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jobs and settings with a fixed clock, for exact payload assertions. */
final class Fixtures {
  static final SettableClock CLOCK = SettableClock.at("2026-01-01T00:00:00.123456789Z");
  static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private Fixtures() {
  }

  static PropertySettings settings(String... kv) {
    return TestSettings.of("bugle.enqueuer.test.", CLOCK, kv);
  }

  static JobRequest job(List<Object> args, Map<String, Object> kwargs, Map<String, String> options) {
    return JobRequest.of("shop", "rates", AT, "CurrencyRatesJob", null, args, kwargs, options);
  }

  static JobRequest job(Object... args) {
    return job(Arrays.asList(args), Map.of(), Map.of());
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static JsonNode json(byte[] bytes) {
    try {
      return JobJson.mapper().readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The payload of the write's only push. */
  static byte[] payload(RedisWrite write) {
    return write.pushes().get(write.pushes().size() - 1).args().get(0);
  }
}
