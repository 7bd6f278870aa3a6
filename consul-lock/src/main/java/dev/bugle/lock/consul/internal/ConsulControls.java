package dev.bugle.lock.consul.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.bugle.core.LockException;
import dev.bugle.spi.Controls;
import dev.bugle.support.JobJson;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kiwiproject.consul.model.ConsulResponse;
import org.kiwiproject.consul.model.kv.Value;
import org.kiwiproject.consul.option.ConsistencyMode;
import org.kiwiproject.consul.option.ImmutablePutOptions;
import org.kiwiproject.consul.option.ImmutableQueryOptions;

/**
 * The Consul lock's controls: one JSON object of records at {@code <lock key>/controls}. A write is a
 * check-and-set on the index it read (retried when another writer came first), so that two operators pausing two
 * schedules at once both land. Neither needs a session: a pause is written by tools that hold no lease.
 */
public final class ConsulControls implements Controls {
  private static final TypeReference<TreeMap<String, String>> RECORDS = new TypeReference<>() {
  };
  /** Writers that race retry after a random pause, so that they do not collide again in lockstep. */
  private static final int ATTEMPTS = 100;
  private final ConsulApi api;
  private final String key;

  public ConsulControls(ConsulApi api) {
    this.api = api;
    this.key = api.settings().key() + "/controls";
  }

  @Override
  public Map<String, String> load() {
    return decode(read().map(v -> v.getValueAsString().orElse(null)).orElse(null));
  }

  @Override
  public void put(Map<String, String> records) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Value> stored = read();
      long index = stored.map(Value::getModifyIndex).orElse(0L);
      Map<String, String> all = new TreeMap<>(decode(stored.flatMap(Value::getValueAsString).orElse(null)));
      records.forEach((k, v) -> {
        if (v == null) {
          all.remove(k);
        } else {
          all.put(k, v);
        }
      });
      boolean written = api.call("write " + key, () -> api.kv().putValue(key, JobJson.write(all), 0L,
          ImmutablePutOptions.builder().cas(index).build()));
      if (written) {
        return;
      }
      try {
        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 10L + attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LockException("interrupted while writing Consul key " + key, e);
      }
    }
    throw new LockException("cannot write Consul key " + key + ": it kept changing under us");
  }

  private Optional<Value> read() {
    Optional<ConsulResponse<Value>> r = api.call("read " + key, () -> api.kv().getConsulResponseWithValue(key,
        ImmutableQueryOptions.builder().consistencyMode(ConsistencyMode.CONSISTENT).build()));
    return r.map(ConsulResponse::getResponse);
  }

  private Map<String, String> decode(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return JobJson.mapper().readValue(json, RECORDS);
    } catch (java.io.IOException e) {
      throw new LockException("Consul key " + key + " does not hold control records: " + e.getMessage(), e);
    }
  }
}
