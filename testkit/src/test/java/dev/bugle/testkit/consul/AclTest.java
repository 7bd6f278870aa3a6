package dev.bugle.testkit.consul;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** With an ACL token configured, requests must carry it (api-docs/api-structure "Authentication"). */
class AclTest extends EmulatorFixture {

  @Override
  protected EmulatorOptions options() {
    return super.options().withAclToken("s3cret");
  }

  @Test
  void requestsWithoutTheTokenAre403() throws Exception {
    assertThat(get("/v1/kv/a").status()).isEqualTo(403);
    assertThat(get("/v1/kv/a?token=wrong").body()).isEqualTo("ACL not found");
    assertThat(get("/v1/kv/a?token=s3cret").status()).isEqualTo(404);
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(consul.address()
        + "/v1/kv/a")).header("X-Consul-Token", "s3cret").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(404);
  }
}
