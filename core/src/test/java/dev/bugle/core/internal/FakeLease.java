package dev.bugle.core.internal;

import dev.bugle.core.LeaseLostException;
import dev.bugle.spi.Checkpoints;
import dev.bugle.spi.Lease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory lease whose validity the test sets; checkpoints live in a map shared between "leaders". */
class FakeLease implements Lease, Checkpoints {
  final Map<String, Instant> store;
  final List<Map<String, Instant>> commits = new ArrayList<>();
  volatile boolean valid = true;
  boolean refuseCommits;

  FakeLease(Map<String, Instant> store) {
    this.store = store;
  }

  FakeLease() {
    this(java.util.Collections.synchronizedMap(new TreeMap<>()));
  }

  @Override
  public boolean isValid() {
    return valid;
  }

  @Override
  public long fencingToken() {
    return 1;
  }

  @Override
  public void onLost(Runnable action) {
  }

  @Override
  public Checkpoints checkpoints() {
    return this;
  }

  @Override
  public void close() {
    valid = false;
  }

  @Override
  public Map<String, Instant> load() {
    return new TreeMap<>(store);
  }

  @Override
  public void commit(Map<String, Instant> fires) {
    if (!valid || refuseCommits) {
      throw new LeaseLostException("lease gone");
    }
    commits.add(Map.copyOf(fires));
    fires.forEach((k, v) -> store.merge(k, v, (a, b) -> a.isAfter(b) ? a : b));
  }
}
