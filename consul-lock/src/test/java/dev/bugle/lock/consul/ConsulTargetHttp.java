package dev.bugle.lock.consul;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw calls to an emulator, as an operator would make them. */
final class ConsulTargetHttp {
  private ConsulTargetHttp() {
  }

  static int delete(String address, String key) throws Exception {
    return send(address, "DELETE", "/v1/kv/" + key).statusCode();
  }

  static HttpResponse<String> send(String address, String method, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address + path))
        .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
