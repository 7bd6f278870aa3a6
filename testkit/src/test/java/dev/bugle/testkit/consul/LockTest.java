package dev.bugle.testkit.consul;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code ?acquire}, {@code ?release}, invalidation and lock-delay, after {@code kv.mdx},
 * {@code agent/consul/state/kvs_test.go} (TestStateStore_KVSLock/Unlock), {@code state/session_test.go}
 * (Session_Invalidate_Key_Unlock/Delete_Behavior) and {@code docs/dynamic-app-config/sessions}.
 */
class LockTest extends EmulatorFixture {

  @Test
  void acquireOfAFreeKeyIncrementsLockIndexAndReacquireKeepsIt() throws Exception { // TestStateStore_KVSLock
    String s = session(null);
    assertThat(put("/v1/kv/l?acquire=" + s, "a").body()).isEqualTo("true");
    JsonNode e = entry("l");
    assertThat(e.get("LockIndex").asLong()).isEqualTo(1);
    assertThat(e.get("Session").asText()).isEqualTo(s);
    assertThat(put("/v1/kv/l?acquire=" + s, "b").body()).isEqualTo("true");
    JsonNode again = entry("l");
    assertThat(again.get("LockIndex").asLong()).isEqualTo(1);
    assertThat(again.get("Value").asText()).isEqualTo("Yg==");
    assertThat(again.get("CreateIndex").asLong()).isEqualTo(e.get("CreateIndex").asLong());
  }

  @Test
  void heldKeyIsNotGivenToAnotherSession() throws Exception {
    String a = session(null);
    String b = session(null);
    put("/v1/kv/l?acquire=" + a, "a");
    long before = entry("l").get("ModifyIndex").asLong();
    assertThat(put("/v1/kv/l?acquire=" + b, "b").body()).isEqualTo("false");
    assertThat(entry("l").get("ModifyIndex").asLong()).as("nothing changes").isEqualTo(before);
  }

  @Test
  void missingOrUnknownSessionIsA500() throws Exception { // state/kvs.go kvsLockTxn
    Reply missing = put("/v1/kv/l?acquire=", "x");
    assertThat(missing.status()).isEqualTo(500);
    assertThat(missing.body()).isEqualTo("missing session");
    Reply unknown = put("/v1/kv/l?acquire=nope", "x");
    assertThat(unknown.status()).isEqualTo(500);
    assertThat(unknown.body()).isEqualTo("invalid session \"nope\"");
  }

  @Test
  void releaseKeepsLockIndexAndStartsNoLockDelay() throws Exception { // TestStateStore_KVSUnlock
    String a = session(null);
    String b = session(null);
    put("/v1/kv/l?acquire=" + a, "a");
    assertThat(put("/v1/kv/l?release=" + b, "x").body()).as("not the holder").isEqualTo("false");
    assertThat(put("/v1/kv/l?release=" + a, "kept").body()).isEqualTo("true");
    JsonNode e = entry("l");
    assertThat(e.has("Session")).isFalse();
    assertThat(e.get("LockIndex").asLong()).isEqualTo(1);
    assertThat(put("/v1/kv/l?acquire=" + b, "b").body()).as("no lock-delay after release").isEqualTo("true");
    assertThat(entry("l").get("LockIndex").asLong()).isEqualTo(2);
    assertThat(put("/v1/kv/absent?release=" + a, "x").body()).isEqualTo("false");
  }

  @Test
  void plainPutKeepsTheLock() throws Exception { // kv.mdx: a plain PUT succeeds on a locked key
    String a = session(null);
    put("/v1/kv/l?acquire=" + a, "a");
    assertThat(put("/v1/kv/l", "overwritten").body()).isEqualTo("true");
    assertThat(entry("l").get("Session").asText()).isEqualTo(a);
  }

  @Test
  void destroyReleasesKeysAndTheLockDelayBlocksEveryAcquire() throws Exception { // sessions docs "lock-delay"
    String a = session("{\"LockDelay\":\"15s\"}");
    String b = session(null);
    put("/v1/kv/l?acquire=" + a, "value");
    long lockIndex = entry("l").get("LockIndex").asLong();
    put("/v1/session/destroy/" + a, null);
    JsonNode e = entry("l");
    assertThat(e.has("Session")).isFalse();
    assertThat(e.get("LockIndex").asLong()).isEqualTo(lockIndex);
    assertThat(e.get("Value").asText()).isEqualTo("dmFsdWU=");
    assertThat(put("/v1/kv/l?acquire=" + b, "b").body()).as("inside lock-delay").isEqualTo("false");
    assertThat(put("/v1/kv/l?acquire=nope", "b").body()).as("lock-delay is checked before the session")
        .isEqualTo("false");
    assertThat(put("/v1/kv/l", "plain").body()).as("plain PUT ignores lock-delay").isEqualTo("true");
    advance(Duration.ofSeconds(14));
    assertThat(put("/v1/kv/l?acquire=" + b, "b").body()).isEqualTo("false");
    advance(Duration.ofSeconds(1));
    assertThat(put("/v1/kv/l?acquire=" + b, "b").body()).isEqualTo("true");
  }

  @Test
  void lockDelayIsCappedAtSixtySeconds() throws Exception { // structs.MaxLockDelay
    String a = session("{\"LockDelay\":\"5m\",\"TTL\":\"10s\"}");
    String b = session(null);
    put("/v1/kv/l?acquire=" + a, "a");
    advance(Duration.ofSeconds(20));
    assertThat(get("/v1/session/info/" + a).body()).as("expired after 2 x TTL").isEqualTo("[]");
    b = renewed(b);
    advance(Duration.ofSeconds(59));
    assertThat(put("/v1/kv/l?acquire=" + b, "b").body()).isEqualTo("false");
    advance(Duration.ofSeconds(1));
    assertThat(put("/v1/kv/l?acquire=" + b, "b").body()).isEqualTo("true");
  }

  @Test
  void zeroLockDelayAllowsAnImmediateTakeover() throws Exception {
    String a = session("{\"LockDelay\":\"0s\"}");
    String b = session(null);
    put("/v1/kv/l?acquire=" + a, "a");
    put("/v1/session/destroy/" + a, null);
    assertThat(put("/v1/kv/l?acquire=" + b, "b").body()).isEqualTo("true");
  }

  @Test
  void deleteBehaviorDeletesHeldKeys() throws Exception { // Session_Invalidate_Key_Delete_Behavior
    String a = session("{\"Behavior\":\"delete\",\"LockDelay\":0}");
    put("/v1/kv/l?acquire=" + a, "a");
    put("/v1/session/destroy/" + a, null);
    assertThat(get("/v1/kv/l").status()).isEqualTo(404);
  }

  @Test
  void deletingAHeldKeyStartsNoLockDelay() throws Exception { // kvs.go: lock-delay only on invalidation
    String a = session(null);
    String b = session(null);
    put("/v1/kv/l?acquire=" + a, "a");
    delete("/v1/kv/l");
    assertThat(put("/v1/kv/l?acquire=" + b, "b").body()).isEqualTo("true");
    assertThat(entry("l").get("LockIndex").asLong()).as("a deleted key restarts LockIndex").isEqualTo(1);
  }

  private String renewed(String id) throws Exception {
    assertThat(put("/v1/session/renew/" + id, null).status()).isEqualTo(200);
    return id;
  }
}
