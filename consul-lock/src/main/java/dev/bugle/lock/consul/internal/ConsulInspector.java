package dev.bugle.lock.consul.internal;

import dev.bugle.core.LockException;
import dev.bugle.spi.LockStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.kiwiproject.consul.model.ConsulResponse;
import org.kiwiproject.consul.model.kv.Value;
import org.kiwiproject.consul.option.ConsistencyMode;
import org.kiwiproject.consul.option.ImmutableQueryOptions;

/**
 * {@code LeaderLock.inspect()} for Consul: one consistent {@code GET /v1/kv/<key>?recurse}, which returns the
 * lock key and {@code <key>/checkpoints} as of one raft index. It creates no session and writes nothing; a
 * Consul that cannot be reached costs at most the connect and read timeouts.
 *
 * <p>Consul keeps no times: a session has a CreateIndex but no creation time, so {@code since} is empty.
 */
public final class ConsulInspector {
  private ConsulInspector() {
  }

  public static LockStatus inspect(ConsulApi api) {
    String key = api.settings().key();
    String checkpointKey = api.settings().checkpointKey();
    List<Value> entries;
    try {
      ConsulResponse<List<Value>> r = api.call("read " + key, () -> api.kv().getConsulResponseWithValues(key,
          ImmutableQueryOptions.builder().consistencyMode(ConsistencyMode.CONSISTENT).build()));
      entries = r == null || r.getResponse() == null ? List.of() : r.getResponse();
    } catch (LockException e) {
      return LockStatus.unreachable(e.getMessage());
    }
    Optional<Value> lock = entries.stream().filter(v -> key.equals(v.getKey())).findFirst();
    Optional<Value> held = lock.filter(v -> v.getSession().isPresent());
    Optional<String> holder = held.map(v -> Holder.describe(v.getValueAsString().orElse(null),
        v.getSession().orElseThrow()));
    // The holder's fencing token is the ModifyIndex right after its acquire; the holder never writes the key
    // again while it holds it (renews are not writes), so it is still the key's ModifyIndex.
    OptionalLong token = held.map(v -> OptionalLong.of(v.getModifyIndex())).orElse(OptionalLong.empty());
    String stored = entries.stream().filter(v -> checkpointKey.equals(v.getKey())).findFirst()
        .flatMap(Value::getValueAsString).orElse(null);
    try {
      Map<String, Instant> checkpoints = CheckpointCodec.decode(stored, checkpointKey);
      return new LockStatus(true, holder, token, Optional.empty(), checkpoints, Optional.empty());
    } catch (LockException e) {
      return new LockStatus(true, holder, token, Optional.empty(), Map.of(), Optional.of(e.getMessage()));
    }
  }
}
