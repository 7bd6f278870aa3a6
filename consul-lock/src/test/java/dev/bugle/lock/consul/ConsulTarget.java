package dev.bugle.lock.consul;

import dev.bugle.core.PropertySettings;
import dev.bugle.testkit.TestSettings;
import dev.bugle.testkit.consul.ConsulEmulator;
import dev.bugle.testkit.consul.EmulatorOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The Consul the shared tests run against: a real one when {@code CONSUL_HTTP_ADDR} is set (token from
 * {@code CONSUL_HTTP_TOKEN}), else one in-process emulator with a 1s minimum TTL so that tests stay fast.
 */
final class ConsulTarget {
  private static final String REAL = System.getenv("CONSUL_HTTP_ADDR");
  private static final String TOKEN = System.getenv("CONSUL_HTTP_TOKEN");
  private static ConsulEmulator emulator;

  private ConsulTarget() {
  }

  static boolean real() {
    return REAL != null && !REAL.isBlank();
  }

  static synchronized String address() {
    if (real()) {
      return REAL.contains("://") ? REAL : "http://" + REAL;
    }
    if (emulator == null) {
      emulator = ConsulEmulator.start(EmulatorOptions.defaults().withMinSessionTtl(Duration.ofSeconds(1)));
    }
    return emulator.address();
  }

  /** A TTL the target accepts: 10s on a real Consul, 2s on the emulator. */
  static Duration ttl() {
    return real() ? Duration.ofSeconds(10) : Duration.ofSeconds(2);
  }

  /** A key no other test (or helper running at the same time) uses. */
  static String uniqueKey() {
    return "bugle/test-" + UUID.randomUUID() + "/leader";
  }

  /** Settings for {@code key} on the target, plus any extra keys and values. */
  static PropertySettings settings(String key, String... extra) {
    List<String> kv = new ArrayList<>(List.of("address", address(), "key", key,
        "ttl", ttl().toSeconds() + "s", "session-ttl-min", ttl().toSeconds() + "s", "lock-delay", "1s",
        "connect-timeout", "1s", "read-timeout", real() ? "5s" : "1s"));
    if (TOKEN != null && !TOKEN.isBlank()) {
      kv.addAll(List.of("token", TOKEN));
    }
    kv.addAll(Arrays.asList(extra));
    return TestSettings.lock("consul", kv.toArray(String[]::new));
  }

  /** A raw HTTP call to the target, as an operator or Consul itself would make it. */
  static HttpResponse<String> http(String method, String path) throws Exception {
    return send(method, path, HttpRequest.BodyPublishers.noBody());
  }

  /** A raw PUT with a body, such as a value an operator writes into a key. */
  static HttpResponse<String> put(String path, String body) throws Exception {
    return send("PUT", path, HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(address() + path)).timeout(Duration.ofSeconds(10))
        .method(method, body);
    if (TOKEN != null && !TOKEN.isBlank()) {
      b.header("X-Consul-Token", TOKEN);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
