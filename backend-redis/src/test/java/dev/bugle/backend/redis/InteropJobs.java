package dev.bugle.backend.redis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.core.JobRequest;
import dev.bugle.support.JobJson;
import dev.bugle.testkit.TestSettings;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Jobs for the interop tests: a unique marker as first arg, then every kind of JSON value. */
final class InteropJobs {
  private InteropJobs() {
  }

  static String marker() {
    return "run-" + UUID.randomUUID();
  }

  static List<Object> args(String marker) {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("text", "Grüße, 世界 ✓ \"quoted\" 'single'");
    nested.put("list", Arrays.asList(1, "two", null, true, 3.25));
    nested.put("map", Map.of("deep", List.of(Map.of("k", "v"))));
    nested.put("empty", Map.of());
    return Arrays.asList(marker, "Ünïcödé ☃", 42, -7, 2.5, 12345678901234L, nested, List.of(), null, false);
  }

  static Map<String, Object> kwargs() {
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("currency", "EUR");
    kwargs.put("depth", Map.of("a", Arrays.asList(1, null, "ü")));
    kwargs.put("none", null);
    return kwargs;
  }

  /** A fire of a schedule of its own, at a fixed instant: the same call twice gives the same id. */
  static JobRequest job(String schedule, String job, String queue, List<Object> args, Map<String, Object> kwargs) {
    Instant at = Instant.parse("2026-03-01T09:00:00Z");
    return new JobRequest(JobRequest.idFor(TestSettings.NAMESPACE, schedule, at), TestSettings.NAMESPACE, schedule,
        at, job, queue, args, kwargs, Map.of());
  }

  static JsonNode tree(Object value) {
    return JobJson.mapper().valueToTree(value);
  }
}
