package dev.bugle.testkit.consul;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sessions as {@code website/content/api-docs/session.mdx} and {@code agent/session_endpoint_test.go} show them. */
class SessionEndpointTest extends EmulatorFixture {

  @Test
  void createWithoutBodyUsesTheDocumentedDefaults() throws Exception { // session.mdx "Create Session" defaults
    String id = session(null);
    JsonNode info = get("/v1/session/info/" + id).json().get(0);
    assertThat(info.get("ID").asText()).isEqualTo(id);
    assertThat(info.get("Node").asText()).isEqualTo("consul-emulator");
    assertThat(info.get("LockDelay").asLong()).isEqualTo(15_000_000_000L);
    assertThat(info.get("Behavior").asText()).isEqualTo("release");
    assertThat(info.get("TTL").asText()).isEmpty();
    assertThat(info.get("NodeChecks").get(0).asText()).isEqualTo("serfHealth");
    assertThat(info.get("ServiceChecks").isNull()).isTrue();
    assertThat(info.get("CreateIndex").asLong()).isEqualTo(info.get("ModifyIndex").asLong()).isPositive();
  }

  @Test
  void fieldNamesMatchCaseInsensitivelyAndEmptyChecksMeanNone() throws Exception { // TestSessionCreate_NoCheck
    String id = session("{\"name\":\"n\",\"behavior\":\"delete\",\"ttl\":\"30s\",\"lockdelay\":\"20s\",\"NodeChecks\":[]}");
    JsonNode info = get("/v1/session/info/" + id).json().get(0);
    assertThat(info.get("Name").asText()).isEqualTo("n");
    assertThat(info.get("Behavior").asText()).isEqualTo("delete");
    assertThat(info.get("TTL").asText()).isEqualTo("30s");
    assertThat(info.get("LockDelay").asLong()).isEqualTo(20_000_000_000L);
    assertThat(info.get("NodeChecks")).isEmpty();
  }

  @Test
  void numericLockDelayUnder1000IsSeconds() throws Exception { // agent/session_endpoint.go FixupLockDelay
    JsonNode a = get("/v1/session/info/" + session("{\"LockDelay\":20}")).json().get(0);
    JsonNode b = get("/v1/session/info/" + session("{\"LockDelay\":20000000000}")).json().get(0);
    assertThat(a.get("LockDelay").asLong()).isEqualTo(20_000_000_000L);
    assertThat(b.get("LockDelay").asLong()).isEqualTo(20_000_000_000L);
  }

  @Test
  void ttlOutsideTheAllowedRangeIsA500WithConsulsMessage() throws Exception { // agent/consul/session_endpoint.go Apply
    Reply low = put("/v1/session/create", "{\"TTL\":\"3s\"}");
    assertThat(low.status()).isEqualTo(500);
    assertThat(low.body()).isEqualTo("Invalid Session TTL '3000000000', must be between [10s=24h0m0s]");
    assertThat(put("/v1/session/create", "{\"TTL\":\"25h\"}").status()).isEqualTo(500);
    Reply bad = put("/v1/session/create", "{\"TTL\":\"soon\"}");
    assertThat(bad.body()).isEqualTo("Session TTL 'soon' invalid: time: invalid duration \"soon\"");
  }

  @Test
  void badBehaviorAndUnknownChecksAreRejected() throws Exception { // session_endpoint.go Apply, state/session.go
    Reply behavior = put("/v1/session/create", "{\"Behavior\":\"explode\"}");
    assertThat(behavior.status()).isEqualTo(500);
    assertThat(behavior.body()).isEqualTo("Invalid Behavior setting 'explode'");
    Reply check = put("/v1/session/create", "{\"Checks\":[\"nope\"]}");
    assertThat(check.body()).isEqualTo("Missing check 'nope' registration");
    Reply decode = put("/v1/session/create", "{not json");
    assertThat(decode.status()).isEqualTo(400);
    assertThat(decode.body()).startsWith("Request decode failed: ");
  }

  @Test
  void renewAnswersTheEntryOr404ForADeadSession() throws Exception { // session.mdx "Renew Session"
    String id = session("{\"TTL\":\"10s\"}");
    Reply ok = put("/v1/session/renew/" + id, null);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get(0).get("ID").asText()).isEqualTo(id);
    put("/v1/session/destroy/" + id, null);
    Reply gone = put("/v1/session/renew/" + id, null);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.body()).isEqualTo("Session id '" + id + "' not found");
  }

  @Test
  void destroyIsAlwaysTrueAndInfoOfAMissingSessionIsEmpty() throws Exception { // session.mdx
    Reply r = put("/v1/session/destroy/00000000-0000-0000-0000-000000000000", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("true");
    Reply info = get("/v1/session/info/00000000-0000-0000-0000-000000000000");
    assertThat(info.body()).isEqualTo("[]");
    assertThat(info.index()).isPositive();
  }

  @Test
  void listShowsEverySession() throws Exception { // session.mdx "List Sessions"
    String a = session(null);
    String b = session(null);
    Reply r = get("/v1/session/list");
    assertThat(r.json().findValuesAsText("ID")).containsExactly(a, b);
    assertThat(r.index()).isEqualTo(r.json().get(1).get("CreateIndex").asLong());
  }

  @Test
  void ttlSessionDiesAfterTwiceTheTtlAndNotBeforeTheTtl() throws Exception { // session_ttl.go resetSessionTimer (TTL*2)
    String id = session("{\"TTL\":\"10s\"}");
    advance(Duration.ofSeconds(19));
    assertThat(put("/v1/session/renew/" + id, null).status()).as("alive at 19s").isEqualTo(200);
    advance(Duration.ofSeconds(19));
    assertThat(get("/v1/session/info/" + id).body()).as("renew restarted the timer").isNotEqualTo("[]");
    advance(Duration.ofSeconds(2));
    assertThat(get("/v1/session/info/" + id).body()).isEqualTo("[]");
    assertThat(put("/v1/session/renew/" + id, null).status()).isEqualTo(404);
  }

  @Test
  void wrongMethodIs405() throws Exception { // agent/http.go MethodNotAllowedError
    Reply r = get("/v1/session/create");
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.body()).isEqualTo("method GET not allowed");
  }
}
