package dev.bugle.testkit.consul;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A lower {@code session_ttl_min}, as Consul's own tests configure it (250ms). */
class MinimumTtlTest extends EmulatorFixture {

  @Override
  protected EmulatorOptions options() {
    return super.options().withMinSessionTtl(Duration.ofMillis(250));
  }

  @Test
  void shortTtlIsAcceptedAndTheMessageShowsTheConfiguredMinimum() throws Exception {
    assertThat(put("/v1/session/create", "{\"TTL\":\"250ms\"}").status()).isEqualTo(200);
    Reply r = put("/v1/session/create", "{\"TTL\":\"100ms\"}");
    assertThat(r.body()).isEqualTo("Invalid Session TTL '100000000', must be between [250ms=24h0m0s]");
  }

  @Test
  void realClockSweeperExpiresSessions() throws Exception {
    consul.close();
    consul = ConsulEmulator.start(EmulatorOptions.defaults().withMinSessionTtl(Duration.ofMillis(100)));
    String id = session("{\"TTL\":\"100ms\"}");
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!get("/v1/session/info/" + id).body().equals("[]") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(get("/v1/session/info/" + id).body()).isEqualTo("[]");
  }
}
