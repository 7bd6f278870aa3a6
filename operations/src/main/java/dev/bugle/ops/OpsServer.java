package dev.bugle.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bugle.core.ConfigException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only HTTP endpoints, on the JDK's own server with two daemon threads: {@code /healthz}, {@code /readyz},
 * {@code /metrics}, {@code /api/v1/status}, {@code /api/v1/schedules}, {@code /api/v1/timeline} and the status page
 * {@code /}. Anything but GET and HEAD is 405; nothing here changes the node.
 */
final class OpsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private OpsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static OpsServer start(String bind, int port, StatusService service, PrometheusMeterRegistry registry) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(bind, port), 16);
    } catch (IOException e) {
      throw new ConfigException(port == 0 ? OpsSettings.BIND : OpsSettings.PORT, "cannot listen on " + bind + ":"
          + port + ": " + e.getMessage() + "; choose another, or bugle.http.port=0 for an ephemeral port", e);
    }
    byte[] page = resource("status.html");
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "bugle-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", x -> handle(x, () -> x.getRequestURI().getPath().equals("/")
        ? new Reply(200, "text/html; charset=utf-8", page) : Reply.json(404, java.util.Map.of("error", "not found"))));
    server.createContext("/healthz", x -> handle(x, () -> probe(service, service.healthy())));
    server.createContext("/readyz", x -> handle(x, () -> probe(service, service.ready())));
    server.createContext("/metrics", x -> handle(x, () -> new Reply(200, PROMETHEUS_TEXT,
        registry.scrape().getBytes(StandardCharsets.UTF_8))));
    server.createContext("/api/v1/status", x -> handle(x, () -> Reply.json(200, service.status())));
    server.createContext("/api/v1/schedules", x -> handle(x, () -> Reply.json(200, service.schedules(
        Query.intParam(x.getRequestURI(), "offset", 0), Query.intParam(x.getRequestURI(), "limit", Integer.MAX_VALUE)))));
    server.createContext("/api/v1/timeline", x -> handle(x, () -> Reply.json(200, service.timeline(
        Duration.ofHours(Math.min(48, Math.max(1, Query.intParam(x.getRequestURI(), "hours", 24))))))));
    server.start();
    return new OpsServer(server, executor);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static Reply probe(StatusService service, boolean ok) {
    return Reply.json(ok ? 200 : 503, service.probe(ok));
  }

  /** One response. */
  record Reply(int status, String contentType, byte[] body) {
    static Reply json(int status, Object doc) {
      try {
        return new Reply(status, "application/json", JSON.writeValueAsBytes(doc));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void handle(HttpExchange x, java.util.function.Supplier<Reply> route) throws IOException {
    try (x) {
      String method = x.getRequestMethod();
      Reply reply;
      if (!method.equals("GET") && !method.equals("HEAD")) {
        x.getResponseHeaders().set("Allow", "GET, HEAD");
        reply = Reply.json(405, java.util.Map.of("error", "read-only: only GET and HEAD"));
      } else {
        try {
          reply = route.get();
        } catch (RuntimeException e) {
          LOG.warn("http: {} {} failed", method, x.getRequestURI().getPath(), e);
          reply = Reply.json(500, java.util.Map.of("error", "internal error"));
        }
      }
      x.getResponseHeaders().set("Content-Type", reply.contentType());
      x.getResponseHeaders().set("Cache-Control", "no-store");
      x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      boolean head = method.equals("HEAD");
      x.sendResponseHeaders(reply.status(), head ? -1 : reply.body().length);
      if (!head) {
        try (OutputStream out = x.getResponseBody()) {
          out.write(reply.body());
        }
      }
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = OpsServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource dev/bugle/ops/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Reads integer query parameters. */
  static final class Query {
    private Query() {
    }

    static int intParam(URI uri, String name, int fallback) {
      String q = uri.getRawQuery();
      if (q == null) {
        return fallback;
      }
      for (String part : q.split("&")) {
        if (part.startsWith(name + "=")) {
          try {
            return Math.max(0, Integer.parseInt(part.substring(name.length() + 1)));
          } catch (NumberFormatException e) {
            return fallback;
          }
        }
      }
      return fallback;
    }
  }
}
