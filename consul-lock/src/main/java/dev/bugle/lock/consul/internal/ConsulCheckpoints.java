package dev.bugle.lock.consul.internal;

import dev.bugle.core.LeaseLostException;
import dev.bugle.core.LockException;
import dev.bugle.spi.Checkpoints;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.kiwiproject.consul.ConsulException;
import org.kiwiproject.consul.model.ConsulResponse;
import org.kiwiproject.consul.model.kv.Operation;
import org.kiwiproject.consul.model.kv.Value;
import org.kiwiproject.consul.model.kv.Verb;
import org.kiwiproject.consul.option.ConsistencyMode;
import org.kiwiproject.consul.option.ImmutableQueryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints in the KV key {@code <lock key>/checkpoints}. A commit is one transaction
 * {@code [check-session <lock key> <our session>, cas <checkpoint key> <index read>]}: Consul applies it only
 * while our session holds the lock, and only over the value we merged into.
 */
public final class ConsulCheckpoints implements Checkpoints {
  private static final Logger LOG = LoggerFactory.getLogger(ConsulCheckpoints.class);
  private static final int ATTEMPTS = 5;
  private final ConsulApi api;
  private final String session;
  private final LeaseState state;
  private final String key;
  private volatile boolean warnedMissing;

  public ConsulCheckpoints(ConsulApi api, String session, LeaseState state) {
    this.api = api;
    this.session = session;
    this.state = state;
    this.key = api.settings().checkpointKey();
  }

  /**
   * The stored checkpoints. A missing key is loud, once per lease: it is either the first run or a Consul whose
   * data was lost, and the scheduler then plans every schedule from now (fires missed meanwhile are not sent).
   */
  @Override
  public Map<String, Instant> load() {
    return whileValid("load", false, () -> {
      Stored stored = read();
      if (stored.modifyIndex() == 0 && !warnedMissing) {
        warnedMissing = true;
        LOG.warn("no checkpoints at {}: the store was wiped or this is the first run; schedules are planned from now",
            key);
      }
      return CheckpointCodec.decode(stored.value(), key);
    });
  }

  @Override
  public void commit(Map<String, Instant> fires) throws LeaseLostException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      boolean done = whileValid("commit", true, () -> {
        Stored stored = read();
        Map<String, Instant> current = CheckpointCodec.decode(stored.value(), key);
        Map<String, Instant> merged = CheckpointCodec.merge(current, fires);
        return merged.equals(current) || write(CheckpointCodec.encode(merged), stored.modifyIndex());
      });
      if (done) {
        return;
      }
    }
    throw new LockException("cannot commit checkpoints to Consul key " + key + ": it kept changing under us");
  }

  /**
   * Runs {@code step}, retrying a failure to reach Consul while the lease is still valid: a blip costs a
   * delay, while an outage ends, at the lease's deadline, in a {@link LeaseLostException}. Writes also
   * require a valid lease before they start; a read does not.
   */
  private <T> T whileValid(String what, boolean write, Supplier<T> step) {
    long pause = 50;
    while (true) {
      if (write) {
        requireValid(what);
      }
      try {
        return step.get();
      } catch (LeaseLostException e) {
        throw e;
      } catch (LockException e) {
        if (!state.isValid()) {
          requireValid(what);
        }
        LOG.warn("{}; retrying while the lease is valid", e.getMessage());
        sleep(Math.min(pause, Math.max(1, state.remainingNanos() / 1_000_000)));
        pause = Math.min(pause * 2, 500);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LockException("interrupted while retrying a checkpoint call", e);
    }
  }

  /** True when written; false when the stored value changed since it was read (retry). */
  private boolean write(String json, long modifyIndex) {
    Operation check = Operation.builder(Verb.CHECK_SESSION).key(api.settings().key()).session(session).build();
    Operation cas = Operation.builder(Verb.CHECK_AND_SET).key(key).value(json)
        .index(BigInteger.valueOf(modifyIndex)).build();
    try {
      api.kv().performTransaction(check, cas);
      return true;
    } catch (ConsulException e) {
      if (!e.hasCode() || e.getCode() != 409) {
        throw api.failure("commit checkpoints to " + key, e);
      }
    }
    KeyState lock = api.read(0, java.time.Duration.ZERO);
    if (!lock.heldBy(session)) {
      state.lose("the checkpoint transaction found the lock key no longer held by session " + session);
      throw new LeaseLostException("cannot commit checkpoints: the lease on " + api.settings().key() + " is lost");
    }
    return false;
  }

  private void requireValid(String what) {
    if (!state.isValid()) {
      String why = state.closed() ? "it was released" : state.lossReason() != null ? state.lossReason()
          : "no successful renew within the TTL";
      throw new LeaseLostException("cannot " + what + " checkpoints: the lease on " + api.settings().key()
          + " is no longer valid (" + why + ")");
    }
  }

  private Stored read() {
    Optional<ConsulResponse<Value>> r = api.call("read " + key, () -> api.kv().getConsulResponseWithValue(key,
        ImmutableQueryOptions.builder().consistencyMode(ConsistencyMode.CONSISTENT).build()));
    return r.map(v -> new Stored(v.getResponse().getValueAsString().orElse(null), v.getResponse().getModifyIndex()))
        .orElse(new Stored(null, 0));
  }

  private record Stored(String value, long modifyIndex) {
  }
}
