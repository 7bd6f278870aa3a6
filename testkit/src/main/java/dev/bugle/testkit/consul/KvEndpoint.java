package dev.bugle.testkit.consul;

import java.io.IOException;
import java.util.List;

/** {@code /v1/kv/:key}, after {@code website/content/api-docs/kv.mdx} and {@code agent/kvs_endpoint.go}. */
final class KvEndpoint {
  private final ConsulStore store;

  KvEndpoint(ConsulStore store) {
    this.store = store;
  }

  void handle(HttpCall call, String key) throws IOException, InterruptedException {
    String raw = call.rawPath().toLowerCase(java.util.Locale.ROOT);
    if (raw.contains("../") || raw.contains("..\\")) {
      throw ConsulError.badRequest("URL path contains invalid traversal sequence");
    }
    if (raw.contains("%2e%2e%2f") || raw.contains("%2e%2e/") || raw.contains("..%2f") || raw.contains("%2e%2e%5c")) {
      throw ConsulError.badRequest("URL path contains encoded traversal sequence");
    }
    if (!key.isEmpty()) {
      KvKeys.validate(key);
    }
    switch (call.method()) {
      case "GET" -> {
        if (call.has("keys")) {
          keys(call, key);
        } else {
          get(call, key);
        }
      }
      case "PUT" -> put(call, key);
      case "DELETE" -> delete(call, key);
      default -> Router.requireMethod(call, "GET", "PUT", "DELETE");
    }
  }

  private void get(HttpCall call, String key) throws IOException, InterruptedException {
    if (call.has("recurse")) {
      Indexed<List<KvEntry>> r = Blocking.run(store, call, () -> store.listIndex(key), () -> store.kvList(key));
      call.readHeaders(r.index());
      if (r.value().isEmpty()) {
        call.send(404, null, new byte[0]);
      } else {
        call.json(200, r.value().stream().map(e -> e.toJson(true)).toList());
      }
      return;
    }
    if (key.isEmpty()) {
      throw ConsulError.badRequest("Missing key name");
    }
    Indexed<KvEntry> r = Blocking.run(store, call, () -> store.keyWatchIndex(key), () -> store.kvGet(key));
    call.readHeaders(r.index());
    if (r.value() == null) {
      call.send(404, null, new byte[0]);
    } else if (call.has("raw")) {
      call.setHeader("X-Content-Type-Options", "nosniff");
      call.setHeader("Content-Security-Policy", "sandbox");
      call.send(200, "text/plain", r.value().value() == null ? new byte[0] : r.value().value());
    } else {
      call.json(200, List.of(r.value().toJson(true)));
    }
  }

  private void keys(HttpCall call, String prefix) throws IOException, InterruptedException {
    String sep = call.has("separator") ? call.param("separator") : call.param("seperator");
    Indexed<List<String>> r = Blocking.run(store, call, () -> store.listIndex(prefix),
        () -> store.kvKeys(prefix, sep));
    call.readHeaders(r.index());
    if (r.value().isEmpty() && !prefix.isEmpty()) {
      call.send(404, null, new byte[0]);
    } else {
      call.json(200, r.value());
    }
  }

  private void put(HttpCall call, String key) throws IOException {
    if (key.isEmpty()) {
      throw ConsulError.badRequest("Missing key name");
    }
    conflicting(call, "cas", "acquire", "release");
    long flags = call.has("flags") ? unsigned(call.param("flags")) : 0;
    KvWrite.Op op = KvWrite.Op.SET;
    long cas = 0;
    String session = "";
    if (call.has("cas")) {
      cas = unsigned(call.param("cas"));
      op = KvWrite.Op.CAS;
    } else if (call.has("acquire")) {
      session = call.param("acquire");
      op = KvWrite.Op.LOCK;
    } else if (call.has("release")) {
      session = call.param("release");
      op = KvWrite.Op.UNLOCK;
    }
    boolean ok = store.kvWrite(new KvWrite(op, key, call.body(), flags, session, cas));
    call.json(200, op == KvWrite.Op.SET || ok);
  }

  private void delete(HttpCall call, String key) throws IOException {
    conflicting(call, "recurse", "cas");
    boolean recurse = call.has("recurse");
    if (!recurse && key.isEmpty()) {
      throw ConsulError.badRequest("Missing key name");
    }
    Long cas = call.has("cas") ? unsigned(call.param("cas")) : null;
    boolean ok = store.kvDelete(key, recurse, cas);
    call.json(200, cas == null || ok);
  }

  /** Consul's {@code conflictingFlags}: 400 {@code Conflicting flags: <sorted query>}. */
  private static void conflicting(HttpCall call, String... flags) {
    int found = 0;
    for (String f : flags) {
      found += call.has(f) ? 1 : 0;
    }
    if (found > 1) {
      throw ConsulError.badRequest("Conflicting flags: " + call.encodedQuery() + "\n");
    }
  }

  /** Go's {@code strconv.ParseUint}; its error reaches the client as a 500. */
  private static long unsigned(String text) {
    try {
      return Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      throw ConsulError.internal("strconv.ParseUint: parsing " + Txn.quote(text) + ": invalid syntax");
    }
  }
}
