package dev.bugle.testkit.consul;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PUT /v1/txn} with KV operations, after {@code website/content/api-docs/txn.mdx} and
 * {@code agent/txn_endpoint.go}: 200 with {@code Results} and {@code "Errors": null}, or 409 with
 * {@code "Results": null} and the {@code Errors} of every failed operation, nothing applied.
 */
final class TxnEndpoint {
  private static final int MAX_OPS = 128;
  private final ConsulStore store;

  TxnEndpoint(ConsulStore store) {
    this.store = store;
  }

  void handle(HttpCall call) throws IOException {
    List<TxnOp> ops = parse(call.body());
    Txn.Outcome out = store.txn(ops);
    if (ops.stream().noneMatch(TxnOp::isWrite)) {
      call.setHeader("X-Consul-KnownLeader", "true");
      call.setHeader("X-Consul-LastContact", "0");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    if (out.failed()) {
      body.put("Results", null);
      body.put("Errors", out.errors().stream().map(e -> Map.of("OpIndex", e.opIndex(), "What", e.what())).toList());
      call.json(409, body);
    } else {
      body.put("Results", out.results().stream().map(r -> Map.of("KV", r.entry().toJson(r.withValue()))).toList());
      body.put("Errors", null);
      call.json(200, body);
    }
  }

  private static List<TxnOp> parse(byte[] body) {
    JsonNode root;
    try {
      root = HttpCall.JSON.readTree(body);
    } catch (IOException e) {
      throw ConsulError.badRequest("Failed to parse body: " + e.getMessage());
    }
    if (root == null || !root.isArray()) {
      throw ConsulError.badRequest("Failed to parse body: json: cannot unmarshal into Go value of type api.TxnOps");
    }
    if (root.size() > MAX_OPS) {
      throw new ConsulError(413, "Transaction contains too many operations (" + root.size() + " > " + MAX_OPS + ")");
    }
    List<TxnOp> ops = new ArrayList<>();
    for (JsonNode op : root) {
      JsonNode kv = field(op, "kv");
      if (kv == null) {
        throw ConsulError.internal("the Consul emulator supports only KV operations in /v1/txn");
      }
      ops.add(new TxnOp(text(kv, "verb"), text(kv, "key"), value(field(kv, "value")),
          number(kv, "flags"), number(kv, "index"), text(kv, "session")));
    }
    return ops;
  }

  private static byte[] value(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(v.asText());
    } catch (IllegalArgumentException e) {
      throw ConsulError.badRequest("Failed to parse body: failed to decode value: " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String name) {
    JsonNode v = field(node, name);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static long number(JsonNode node, String name) {
    JsonNode v = field(node, name);
    return v == null || v.isNull() ? 0 : v.asLong();
  }

  /** Case-insensitive field lookup, as Go's encoding/json does. */
  private static JsonNode field(JsonNode node, String name) {
    var it = node.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
