package dev.bugle.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.spi.Controls;
import dev.bugle.spi.LeaderLock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every lock that keeps run-time controls (pause records) must do, whatever its store: records written by
 * one lock instance (a {@code bugle pause} process) are read by another (the leader) without either holding the
 * lease, writers that race keep each other's records, and a null value removes one. A lock's test extends this
 * and says how to make a lock on a shared store.
 */
public abstract class ControlsContract {
  private final List<LeaderLock> locks = new ArrayList<>();

  /** A new lock instance on the same store (namespace, directory or key) as every other this test makes. */
  protected abstract LeaderLock newLock();

  private Controls controls() {
    LeaderLock lock = newLock();
    locks.add(lock);
    return lock.controls().orElseThrow(() -> new AssertionError(lock + " keeps no controls"));
  }

  @AfterEach
  void closeLocks() {
    locks.forEach(LeaderLock::close);
  }

  @Test
  void recordsWrittenByOneAreReadByAnotherAndANullRemovesOne() {
    Controls writer = controls();
    Controls reader = controls();
    assertThat(reader.load()).isEmpty();
    writer.put(Map.of("rates", "{\"state\":\"paused\"}", "digest", "{\"state\":\"paused\"}"));
    assertThat(reader.load()).containsOnlyKeys("rates", "digest").containsEntry("rates", "{\"state\":\"paused\"}");
    Map<String, String> remove = new HashMap<>();
    remove.put("rates", null);
    writer.put(remove);
    assertThat(reader.load()).containsOnlyKeys("digest");
  }

  @Test
  void writersThatRaceKeepEachOthersRecords() throws Exception {
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Thread> writers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Controls c = controls();
      String name = "s" + i;
      Thread t = new Thread(() -> {
        try {
          for (int j = 0; j < 5; j++) {
            c.put(Map.of(name, "{\"n\":" + j + "}"));
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      writers.add(t);
      t.start();
    }
    for (Thread t : writers) {
      t.join(30_000);
    }
    assertThat(failures).isEmpty();
    assertThat(controls().load()).containsOnlyKeys("s0", "s1", "s2", "s3").containsEntry("s2", "{\"n\":4}");
  }
}
