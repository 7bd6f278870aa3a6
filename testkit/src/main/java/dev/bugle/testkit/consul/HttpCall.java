package dev.bugle.testkit.consul;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** One request and its answer, with Consul's query parsing (a flag may have no value: {@code ?raw}). */
final class HttpCall {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpExchange exchange;
  private final Map<String, String> query = new LinkedHashMap<>();
  private final String path;

  HttpCall(HttpExchange exchange) {
    this.exchange = exchange;
    this.path = percentDecode(exchange.getRequestURI().getRawPath());
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          String k = formDecode(eq < 0 ? pair : pair.substring(0, eq));
          query.putIfAbsent(k, eq < 0 ? "" : formDecode(pair.substring(eq + 1)));
        }
      }
    }
  }

  String method() {
    return exchange.getRequestMethod();
  }

  /** The decoded path, such as {@code /v1/kv/bugle/shop/leader}. */
  String path() {
    return path;
  }

  String rawPath() {
    return exchange.getRequestURI().getRawPath();
  }

  boolean has(String param) {
    return query.containsKey(param);
  }

  /** The parameter's value, "" when absent or given without a value (Go's {@code Query().Get}). */
  String param(String name) {
    return query.getOrDefault(name, "");
  }

  String header(String name) {
    String v = exchange.getRequestHeaders().getFirst(name);
    return v == null ? "" : v;
  }

  /** The query as Go's {@code url.Values.Encode()} prints it: sorted by key. */
  String encodedQuery() {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(query).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=').append(v));
    return sb.toString();
  }

  byte[] body() throws IOException {
    return exchange.getRequestBody().readAllBytes();
  }

  /** Sets the headers of a read: {@code X-Consul-Index} (never 0), known leader, last contact. */
  void readHeaders(long index) {
    exchange.getResponseHeaders().set("X-Consul-Index", Long.toString(Math.max(index, 1)));
    exchange.getResponseHeaders().set("X-Consul-KnownLeader", "true");
    exchange.getResponseHeaders().set("X-Consul-LastContact", "0");
    exchange.getResponseHeaders().set("X-Consul-Effective-Consistency",
        has("consistent") ? "consistent" : has("stale") ? "stale" : "leader");
  }

  void json(int status, Object body) throws IOException {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IOException(e);
    }
    send(status, "application/json", bytes);
  }

  void text(int status, String body) throws IOException {
    send(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  void send(int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  void setHeader(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  /** Percent-decoding of a path: {@code %2F} is a slash, {@code +} stays a plus. */
  static String percentDecode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String formDecode(String s) {
    return percentDecode(s.replace('+', ' '));
  }
}
