package dev.bugle.testkit.consul;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/** {@code /v1/session/*}, after {@code website/content/api-docs/session.mdx} and {@code agent/session_endpoint.go}. */
final class SessionEndpoint {
  private final ConsulStore store;

  SessionEndpoint(ConsulStore store) {
    this.store = store;
  }

  void handle(HttpCall call, String rest) throws IOException, InterruptedException {
    int slash = rest.indexOf('/');
    String op = slash < 0 ? rest : rest.substring(0, slash);
    String arg = slash < 0 ? "" : rest.substring(slash + 1);
    switch (op) {
      case "create" -> create(call);
      case "renew" -> renew(call, arg);
      case "destroy" -> destroy(call, arg);
      case "info" -> info(call, arg);
      case "list" -> list(call, null);
      case "node" -> list(call, arg);
      default -> call.text(404, "404 page not found\n");
    }
  }

  private void create(HttpCall call) throws IOException {
    Router.requireMethod(call, "PUT");
    byte[] body = call.body();
    JsonNode json = null;
    if (body.length > 0) {
      try {
        json = HttpCall.JSON.readTree(body);
      } catch (IOException e) {
        throw ConsulError.badRequest("Request decode failed: " + e.getMessage());
      }
    }
    call.json(200, java.util.Map.of("ID", store.createSession(json)));
  }

  private void renew(HttpCall call, String id) throws IOException {
    Router.requireMethod(call, "PUT");
    requireId(id);
    SessionEntry s = store.renewSession(id);
    if (s == null) {
      throw new ConsulError(404, "Session id '" + id + "' not found");
    }
    call.json(200, List.of(s.toJson()));
  }

  private void destroy(HttpCall call, String id) throws IOException {
    Router.requireMethod(call, "PUT");
    requireId(id);
    store.invalidateSession(id);
    call.json(200, true);
  }

  private void info(HttpCall call, String id) throws IOException, InterruptedException {
    Router.requireMethod(call, "GET");
    requireId(id);
    Indexed<SessionEntry> r = Blocking.run(store, call, store::sessionsIndex, () -> store.sessionInfo(id));
    call.readHeaders(r.index());
    call.json(200, r.value() == null ? List.of() : List.of(r.value().toJson()));
  }

  private void list(HttpCall call, String node) throws IOException, InterruptedException {
    Router.requireMethod(call, "GET");
    Indexed<List<SessionEntry>> r = Blocking.run(store, call, store::sessionsIndex, store::sessionList);
    call.readHeaders(r.index());
    call.json(200, r.value().stream().filter(s -> node == null || s.node().equals(node))
        .map(SessionEntry::toJson).toList());
  }

  private static void requireId(String id) {
    if (id.isEmpty()) {
      throw ConsulError.badRequest("Missing session");
    }
  }
}
