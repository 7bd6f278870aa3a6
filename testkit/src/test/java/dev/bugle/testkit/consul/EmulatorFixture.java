package dev.bugle.testkit.consul;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** An in-process emulator on a hand-driven clock, and a tiny HTTP client for the tests. */
abstract class EmulatorFixture {
  protected final AtomicLong now = new AtomicLong(1_000_000_000_000L);
  protected ConsulEmulator consul;
  private final HttpClient http = HttpClient.newHttpClient();

  protected EmulatorOptions options() {
    return EmulatorOptions.defaults().withTicker(now::get);
  }

  @BeforeEach
  void startEmulator() {
    consul = ConsulEmulator.start(options());
  }

  @AfterEach
  void stopEmulator() {
    consul.close();
  }

  protected void advance(Duration d) {
    now.addAndGet(d.toNanos());
    consul.store().expireSessions();
  }

  record Reply(int status, String body, java.net.http.HttpHeaders headers) {
    JsonNode json() throws IOException {
      return HttpCall.JSON.readTree(body);
    }

    long index() {
      return Long.parseLong(headers.firstValue("X-Consul-Index").orElseThrow());
    }
  }

  protected Reply call(String method, String pathAndQuery, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(consul.address() + pathAndQuery))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body(), r.headers());
  }

  protected Reply get(String path) throws Exception {
    return call("GET", path, null);
  }

  protected Reply put(String path, String body) throws Exception {
    return call("PUT", path, body);
  }

  protected Reply delete(String path) throws Exception {
    return call("DELETE", path, null);
  }

  protected String session(String body) throws Exception {
    Reply r = put("/v1/session/create", body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("ID").asText();
  }

  protected JsonNode entry(String key) throws Exception {
    Reply r = get("/v1/kv/" + key);
    assertThat(r.status()).as("GET %s", key).isEqualTo(200);
    return r.json().get(0);
  }
}
