package dev.bugle.testkit.consul;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** KV transactions as {@code website/content/api-docs/txn.mdx} and {@code agent/consul/state/txn.go} define them. */
class TxnEndpointTest extends EmulatorFixture {

  private static String op(String verb, String key, String value, long index, String session) {
    return "{\"KV\":{\"Verb\":\"" + verb + "\",\"Key\":\"" + key + "\""
        + (value == null ? "" : ",\"Value\":\"" + value + "\"")
        + (index == 0 ? "" : ",\"Index\":" + index)
        + (session == null ? "" : ",\"Session\":\"" + session + "\"") + "}}";
  }

  @Test
  void checkSessionThenCasWritesOnlyForTheHolder() throws Exception { // the lock's fenced checkpoint write
    String holder = session(null);
    put("/v1/kv/lock?acquire=" + holder, "");
    Reply ok = put("/v1/txn", "[" + op("check-session", "lock", null, 0, holder) + ","
        + op("cas", "lock/state", "djE=", 0, null) + "]");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    JsonNode body = ok.json();
    assertThat(body.get("Errors").isNull()).isTrue();
    assertThat(body.get("Results")).hasSize(2);
    assertThat(body.get("Results").get(1).get("KV").get("Value").isNull()).as("no value for writes").isTrue();
    assertThat(entry("lock/state").get("Value").asText()).isEqualTo("djE=");
  }

  @Test
  void aFailedCheckRollsEverythingBackWith409() throws Exception { // txn.mdx "409 ... rolled back"
    String holder = session(null);
    String other = session(null);
    put("/v1/kv/lock?acquire=" + holder, "");
    Reply r = put("/v1/txn", "[" + op("set", "lock/x", "eA==", 0, null) + ","
        + op("check-session", "lock", null, 0, other) + "]");
    assertThat(r.status()).isEqualTo(409);
    JsonNode body = r.json();
    assertThat(body.get("Results").isNull()).isTrue();
    assertThat(body.get("Errors").get(0).get("OpIndex").asInt()).isEqualTo(1);
    assertThat(body.get("Errors").get(0).get("What").asText())
        .isEqualTo("failed session check for key \"lock\", current session \"" + holder + "\" != \"" + other + "\"");
    assertThat(get("/v1/kv/lock/x").status()).as("the set was rolled back").isEqualTo(404);
  }

  @Test
  void checkSessionOnAMissingKeyAndAStaleCasFail() throws Exception { // state/kvs.go kvsCheckSessionTxn
    Reply r = put("/v1/txn", "[" + op("check-session", "nokey", null, 0, "s") + ","
        + op("cas", "nokey/state", "eA==", 99, null) + "]");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("Errors").findValuesAsText("What")).containsExactly(
        "failed to check session, key \"nokey\" doesn't exist",
        "failed to set key \"nokey/state\", index is stale");
  }

  @Test
  void readOnlyTransactionReturnsValues() throws Exception {
    put("/v1/kv/r", "v");
    Reply r = put("/v1/txn", "[" + op("get", "r", null, 0, null) + "]");
    assertThat(r.json().get("Results").get(0).get("KV").get("Value").asText()).isEqualTo("dg==");
    assertThat(r.headers().firstValue("X-Consul-KnownLeader")).hasValue("true");
    Reply missing = put("/v1/txn", "[" + op("get", "nope", null, 0, null) + "]");
    assertThat(missing.status()).isEqualTo(409);
    assertThat(missing.json().get("Errors").get(0).get("What").asText()).isEqualTo("key \"nope\" doesn't exist");
  }

  @Test
  void badBodyIs400() throws Exception {
    assertThat(put("/v1/txn", "{").status()).isEqualTo(400);
  }
}
