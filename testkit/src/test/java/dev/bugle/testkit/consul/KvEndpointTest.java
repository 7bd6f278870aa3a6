package dev.bugle.testkit.consul;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** KV reads and writes as {@code website/content/api-docs/kv.mdx} and {@code agent/kvs_endpoint_test.go} show them. */
class KvEndpointTest extends EmulatorFixture {

  @Test
  void missingKeyIs404WithAnIndexThatIsNeverZero() throws Exception { // kv.mdx; kvs_endpoint.go "Index 1 is impossible"
    Reply r = get("/v1/kv/nothing/here");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body()).isEmpty();
    assertThat(r.index()).isPositive();
    assertThat(r.headers().firstValue("X-Consul-KnownLeader")).hasValue("true");
  }

  @Test
  void putThenGetShowsTheDocumentedEntry() throws Exception { // TestKVSEndpoint_PUT_GET_DELETE
    assertThat(put("/v1/kv/app/config?flags=42", "hello").body()).isEqualTo("true");
    Reply r = get("/v1/kv/app/config");
    JsonNode e = r.json().get(0);
    assertThat(e.get("Key").asText()).isEqualTo("app/config");
    assertThat(e.get("Flags").asLong()).isEqualTo(42);
    assertThat(new String(Base64.getDecoder().decode(e.get("Value").asText()))).isEqualTo("hello");
    assertThat(e.get("LockIndex").asLong()).isZero();
    assertThat(e.has("Session")).as("Session is omitted when unlocked").isFalse();
    assertThat(e.get("CreateIndex").asLong()).isEqualTo(e.get("ModifyIndex").asLong()).isEqualTo(r.index());
  }

  @Test
  void emptyValueIsNullAndRawGivesTheBytes() throws Exception { // kv.mdx "raw"; TestKVSEndpoint_GET_Raw
    put("/v1/kv/empty", "");
    assertThat(entry("empty").get("Value").isNull()).isTrue();
    put("/v1/kv/text", "plain bytes");
    Reply raw = get("/v1/kv/text?raw");
    assertThat(raw.body()).isEqualTo("plain bytes");
    assertThat(raw.headers().firstValue("Content-Type")).hasValue("text/plain");
  }

  @Test
  void percentEncodedPathsAreDecoded() throws Exception { // the Java client sends / as %2F
    put("/v1/kv/bugle%2Fshop%2Fleader", "x");
    assertThat(entry("bugle/shop/leader").get("Key").asText()).isEqualTo("bugle/shop/leader");
  }

  @Test
  void recurseListsSortedAndKeysFoldAtTheSeparator() throws Exception { // TestKVSEndpoint_Recurse, _ListKeys
    for (String k : new String[] {"p/b", "p/a", "p/c/d", "q"}) {
      put("/v1/kv/" + k, k);
    }
    assertThat(get("/v1/kv/p?recurse").json().findValuesAsText("Key")).containsExactly("p/a", "p/b", "p/c/d");
    assertThat(get("/v1/kv/p/?keys&separator=/").json()).extracting(JsonNode::asText)
        .containsExactly("p/a", "p/b", "p/c/");
    assertThat(get("/v1/kv/zz?recurse").status()).isEqualTo(404);
    assertThat(get("/v1/kv/zz?keys").status()).isEqualTo(404);
    assertThat(get("/v1/kv/?keys").json()).hasSize(4);
  }

  @Test
  void casZeroCreatesOnlyAndAStaleIndexFails() throws Exception { // kv.mdx "cas"; TestKVSEndpoint_CAS
    assertThat(put("/v1/kv/c?cas=0", "1").body()).isEqualTo("true");
    assertThat(put("/v1/kv/c?cas=0", "2").body()).isEqualTo("false");
    long index = entry("c").get("ModifyIndex").asLong();
    assertThat(put("/v1/kv/c?cas=" + (index + 100), "3").body()).isEqualTo("false");
    assertThat(put("/v1/kv/c?cas=" + index, "4").body()).isEqualTo("true");
    assertThat(put("/v1/kv/missing?cas=5", "x").body()).isEqualTo("false");
  }

  @Test
  void conflictingFlagsAre400() throws Exception { // kvs_endpoint.go conflictingFlags
    Reply r = put("/v1/kv/k?cas=0&acquire=x", "v");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("Conflicting flags: acquire=x&cas=0\n");
    assertThat(call("DELETE", "/v1/kv/k?recurse&cas=1", null).status()).isEqualTo(400);
  }

  @Test
  void missingKeyNameIs400() throws Exception { // kvs_endpoint.go "Missing key name"
    Reply r = get("/v1/kv/");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("Missing key name");
    assertThat(put("/v1/kv/", "x").status()).isEqualTo(400);
    assertThat(delete("/v1/kv/").status()).isEqualTo(400);
  }

  @Test
  void traversalAndBadCharactersAre400() throws Exception { // kvs_endpoint.go validateKVKey
    assertThat(get("/v1/kv/a/..%2fb").status()).isEqualTo(400);
    Reply r = put("/v1/kv/a%20b", "x");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).startsWith("key contains invalid character ' ' at position 1");
    assertThat(put("/v1/kv/state.json", "x").status()).isEqualTo(400);
  }

  @Test
  void badFlagsAreAServerError() throws Exception { // strconv.ParseUint error passed through
    Reply r = put("/v1/kv/k?flags=x", "v");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.body()).isEqualTo("strconv.ParseUint: parsing \"x\": invalid syntax");
  }

  @Test
  void deleteIsTrueEvenWhenAbsentAndCasDeleteChecksTheIndex() throws Exception { // kv.mdx "Delete Key"
    assertThat(delete("/v1/kv/none").body()).isEqualTo("true");
    put("/v1/kv/d", "v");
    long index = entry("d").get("ModifyIndex").asLong();
    assertThat(delete("/v1/kv/d?cas=" + (index + 1)).body()).isEqualTo("false");
    assertThat(delete("/v1/kv/d?cas=" + index).body()).isEqualTo("true");
    assertThat(get("/v1/kv/d").status()).isEqualTo(404);
    assertThat(delete("/v1/kv/d?cas=7").body()).as("absent key").isEqualTo("true");
  }

  @Test
  void recursiveDeleteRemovesThePrefix() throws Exception { // TestKVSEndpoint_DELETE_Recurse
    put("/v1/kv/t/a", "1");
    put("/v1/kv/t/b", "2");
    put("/v1/kv/u", "3");
    assertThat(delete("/v1/kv/t?recurse").body()).isEqualTo("true");
    assertThat(get("/v1/kv/t?recurse").status()).isEqualTo(404);
    assertThat(get("/v1/kv/u").status()).isEqualTo(200);
  }

  @Test
  void everyWriteTakesANewIndex() throws Exception { // consul-api.md "Global index"
    put("/v1/kv/i", "1");
    long first = entry("i").get("ModifyIndex").asLong();
    session(null);
    put("/v1/kv/i", "2");
    assertThat(entry("i").get("ModifyIndex").asLong()).isGreaterThan(first + 1);
  }
}
