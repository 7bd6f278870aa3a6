package dev.bugle.core.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.spi.Lease;
import dev.bugle.spi.LockStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inspect() on the local lock: what the snapshot and the journal say, and when a recorded holder is gone. */
class LocalLockInspectTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path dir;

  private LocalLock lock() {
    return new LocalLock(dir, "ns", InstantSource.fixed(T0));
  }

  @Test
  void aLockNeverTakenHasNoHolderNoTokenAndNoCheckpoints() {
    LockStatus s = lock().inspect();
    assertThat(s.reachable()).isTrue();
    assertThat(s.holder()).isEmpty();
    assertThat(s.fencingToken()).isEmpty();
    assertThat(s.checkpoints()).isEmpty();
    assertThat(dir.resolve("ns.lock")).as("inspect creates nothing").doesNotExist();
  }

  @Test
  void theHolderIsThisHostAndPidSinceItsAcquireAndTheJournaledCheckpointsCount() throws Exception {
    Lease lease = lock().acquire(Duration.ZERO).orElseThrow();
    lease.checkpoints().commit(Map.of("a", T0));
    LockStatus s = lock().inspect();
    assertThat(s.holder()).hasValueSatisfying(h -> assertThat(h)
        .matches("host \\S+ pid " + ProcessHandle.current().pid()));
    assertThat(s.since()).hasValue(T0);
    assertThat(s.fencingToken()).hasValue(lease.fencingToken());
    assertThat(s.checkpoints()).containsExactly(Map.entry("a", T0));
    assertThat(Inspection.waitingFor(s)).isEqualTo(s.holder().get() + ", holder since " + T0
        + " (fencing token " + lease.fencingToken() + ")");
    lease.close();
  }

  @Test
  void aHolderProcessOfThisHostThatNoLongerRunsIsNotNamed() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Holder crashed = new Holder(Holder.self(T0).host(), gone.pid(), T0);
    new StateFile(dir.resolve("ns.state.json")).write(new StateFile.State(7, Map.of("a", T0), crashed));
    LockStatus s = lock().inspect();
    assertThat(s.holder()).isEmpty();
    assertThat(s.fencingToken()).hasValue(7);
    assertThat(s.checkpoints()).containsKey("a");
  }

  @Test
  void aHolderOnAnotherHostStaysNamedSinceItsLivenessCannotBeSeenFromHere() throws Exception {
    Holder remote = new Holder("elsewhere-" + Holder.self(T0).host(), 1, T0);
    new StateFile(dir.resolve("ns.state.json")).write(new StateFile.State(7, Map.of(), remote));
    assertThat(lock().inspect().holder()).hasValue("host elsewhere-" + Holder.self(T0).host() + " pid 1");
  }

  @Test
  void anUnreadableStateIsUnreachableAndNamesTheFile() throws Exception {
    Files.createDirectories(dir.resolve("ns.state.json")); // a directory where the snapshot belongs
    LockStatus s = lock().inspect();
    assertThat(s.reachable()).isFalse();
    assertThat(s.problem()).hasValueSatisfying(p -> assertThat(p).contains("ns.state.json"));
  }
}
