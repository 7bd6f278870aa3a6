package dev.bugle.testkit.consul;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code PUT /v1/session/create}, read as {@code agent/session_endpoint.go} and
 * {@code agent/consul/session_endpoint.go} read it: field names match case-insensitively, LockDelay is a
 * duration string or a number (under 1000 means seconds), TTL must lie in [minimum, 24h].
 */
final class SessionRequest {
  static final String SERF_HEALTH = "serfHealth";
  private static final long DEFAULT_LOCK_DELAY = 15_000_000_000L;
  private static final long MAX_TTL = 86_400_000_000_000L;

  private SessionRequest() {
  }

  /** Validates {@code body} (null for none) and builds the session to store at {@code idx}. */
  static SessionEntry parse(JsonNode body, String agentNode, long minTtlNanos, long idx) {
    String name = text(body, "name", "");
    String node = text(body, "node", agentNode);
    String behavior = text(body, "behavior", "release");
    String ttl = text(body, "ttl", "");
    long lockDelay = lockDelay(field(body, "lockdelay"));
    List<String> checks = checks(body);
    if (!node.equals(agentNode)) {
      throw ConsulError.internal("Missing node registration");
    }
    if (!behavior.equals("release") && !behavior.equals("delete")) {
      throw ConsulError.internal("Invalid Behavior setting '" + behavior + "'");
    }
    long ttlNanos = ttl(ttl, minTtlNanos);
    for (String check : checks) {
      if (!check.equals(SERF_HEALTH)) {
        throw ConsulError.internal("Missing check '" + check + "' registration");
      }
    }
    JsonNode service = field(body, "servicechecks");
    if (service != null && service.isArray() && service.size() > 0) {
      throw ConsulError.internal("Missing check '" + service.get(0).path("ID").asText() + "' registration");
    }
    return new SessionEntry(UUID.randomUUID().toString(), name, node, lockDelay, behavior, ttl, ttlNanos, checks,
        null, idx, idx);
  }

  private static long ttl(String ttl, long minTtlNanos) {
    if (ttl.isEmpty()) {
      return 0;
    }
    long nanos;
    try {
      nanos = GoDuration.parse(ttl);
    } catch (IllegalArgumentException e) {
      throw ConsulError.internal("Session TTL '" + ttl + "' invalid: " + e.getMessage());
    }
    if (nanos != 0 && (nanos < minTtlNanos || nanos > MAX_TTL)) {
      throw ConsulError.internal("Invalid Session TTL '" + nanos + "', must be between ["
          + GoDuration.format(minTtlNanos) + "=" + GoDuration.format(MAX_TTL) + "]");
    }
    return nanos;
  }

  private static long lockDelay(JsonNode value) {
    if (value == null || value.isNull()) {
      return DEFAULT_LOCK_DELAY;
    }
    if (value.isNumber()) {
      long n = value.asLong();
      return n < 1000 ? n * 1_000_000_000L : n;
    }
    try {
      return GoDuration.parse(value.asText());
    } catch (IllegalArgumentException e) {
      throw ConsulError.badRequest("Request decode failed: " + e.getMessage());
    }
  }

  /** {@code Checks} and {@code NodeChecks} together; serfHealth when the body names neither. */
  private static List<String> checks(JsonNode body) {
    JsonNode legacy = field(body, "checks");
    JsonNode node = field(body, "nodechecks");
    if (legacy == null && node == null) {
      return List.of(SERF_HEALTH);
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode list : new JsonNode[] {legacy, node}) {
      if (list != null && list.isArray()) {
        list.forEach(c -> out.add(c.asText()));
      }
    }
    return new ArrayList<>(out);
  }

  private static String text(JsonNode body, String name, String fallback) {
    JsonNode v = field(body, name);
    return v == null || v.isNull() || v.asText().isEmpty() ? fallback : v.asText();
  }

  /** A field by case-insensitive name, as Go's encoding/json matches struct fields. */
  private static JsonNode field(JsonNode body, String lowerName) {
    if (body == null || !body.isObject()) {
      return null;
    }
    Iterator<Map.Entry<String, JsonNode>> it = body.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().toLowerCase(Locale.ROOT).equals(lowerName)) {
        return e.getValue();
      }
    }
    return null;
  }
}
