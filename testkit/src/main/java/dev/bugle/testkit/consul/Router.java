package dev.bugle.testkit.consul;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** Routes {@code /v1/...} to the endpoints, checks the ACL token, and answers errors as Consul does. */
final class Router implements HttpHandler {
  private final ConsulStore store;
  private final String aclToken;
  private final SessionEndpoint sessions;
  private final KvEndpoint kv;
  private final TxnEndpoint txn;
  private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

  Router(ConsulStore store, String aclToken) {
    this.store = store;
    this.aclToken = aclToken;
    this.sessions = new SessionEndpoint(store);
    this.kv = new KvEndpoint(store);
    this.txn = new TxnEndpoint(store);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      HttpCall call;
      try {
        call = new HttpCall(exchange);
      } catch (IllegalArgumentException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      try {
        checkToken(call);
        route(call);
      } catch (ConsulError e) {
        call.text(e.status(), e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        call.text(500, String.valueOf(e.getMessage()));
      }
    }
  }

  long requests() {
    return requests.get();
  }

  private void route(HttpCall call) throws IOException, InterruptedException {
    String path = call.path();
    if (path.startsWith("/v1/kv/")) {
      kv.handle(call, path.substring("/v1/kv/".length()));
    } else if (path.startsWith("/v1/session/")) {
      sessions.handle(call, path.substring("/v1/session/".length()));
    } else if (path.equals("/v1/txn")) {
      requireMethod(call, "PUT");
      txn.handle(call);
    } else if (path.equals("/v1/status/leader")) {
      call.json(200, "127.0.0.1:8300");
    } else if (path.equals("/v1/agent/self")) {
      call.json(200, java.util.Map.of("Config", java.util.Map.of("NodeName", store.node(), "Datacenter", "dc1")));
    } else {
      call.text(404, "404 page not found\n");
    }
  }

  /** Consul's {@code MethodNotAllowedError}: 405 with the allowed methods. */
  static void requireMethod(HttpCall call, String... allowed) {
    for (String m : allowed) {
      if (m.equals(call.method())) {
        return;
      }
    }
    call.setHeader("Allow", String.join(",", allowed));
    throw new ConsulError(405, "method " + call.method() + " not allowed");
  }

  private void checkToken(HttpCall call) {
    if (aclToken == null) {
      return;
    }
    String token = call.header("X-Consul-Token");
    if (token.isEmpty() && call.header("Authorization").startsWith("Bearer ")) {
      token = call.header("Authorization").substring("Bearer ".length()).trim();
    }
    if (token.isEmpty()) {
      token = call.param("token");
    }
    if (token.isEmpty()) {
      throw new ConsulError(403, "Permission denied");
    }
    if (!token.equals(aclToken)) {
      throw new ConsulError(403, "ACL not found");
    }
  }
}
