package dev.bugle.core.internal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.LeaseLostException;
import dev.bugle.spi.Lease;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local lock on a real read-only or full disk: a failed write is a lost lease, a standby keeps waiting. */
class LocalLockDiskTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path tmp;
  private TinyDisk disk;

  @BeforeEach
  void mount() throws Exception {
    disk = TinyDisk.mount(tmp.resolve("disk"), 64);
  }

  @AfterEach
  void unmount() throws Exception {
    disk.close();
  }

  private LocalLock lock() {
    return new LocalLock(disk.dir(), "ns", InstantSource.system());
  }

  @Test
  void aCheckpointWriteToReadOnlyStateLosesTheLeaseAndNamesTheJournal() throws Exception {
    Lease lease = lock().acquire(Duration.ZERO).orElseThrow();
    AtomicInteger lost = new AtomicInteger();
    lease.onLost(lost::incrementAndGet);
    disk.freeze(); // the holder's lock file is open for writing, so the kernel refuses a read-only remount
    assertThatThrownBy(() -> lease.checkpoints().commit(Map.of("s", T0)))
        .isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("ns.state.log").hasMessageNotContaining("state.json");
    assertThat(lease.isValid()).isFalse();
    assertThat(lost.get()).as("onLost ran").isEqualTo(1);
  }

  @Test
  void aCheckpointWriteOnAFullDiskLosesTheLease() throws Exception {
    Lease lease = lock().acquire(Duration.ZERO).orElseThrow();
    disk.fill();
    assertThatThrownBy(() -> lease.checkpoints().commit(Map.of("s", T0)))
        .isInstanceOf(LeaseLostException.class);
    assertThat(lease.isValid()).isFalse();
  }

  @Test
  void aStandbyOnAReadOnlyDiskKeepsWaitingAndLeadsOnceItIsWritable() throws Exception {
    lock().acquire(Duration.ZERO).orElseThrow().close(); // the files exist, as they would after a run
    disk.readOnly();
    LocalLock standby = lock();
    assertThat(standby.acquire(Duration.ZERO)).as("one try on a read-only disk: not acquired, no exception")
        .isEmpty();
    assertThat(standby.acquire(Duration.ofMillis(50))).isEmpty();
    disk.readWrite();
    Lease lease = standby.acquire(Duration.ZERO).orElseThrow();
    assertThat(lease.isValid()).isTrue();
    lease.close();
  }

  @Test
  void aStandbyWhoseStateCannotBeWrittenReleasesTheLockFileAgain() throws Exception {
    lock().acquire(Duration.ZERO).orElseThrow().close();
    disk.fill(); // the lock file opens and locks, the new snapshot cannot be written
    LocalLock standby = lock();
    assertThat(standby.acquire(Duration.ZERO)).isEmpty();
    java.nio.file.Files.delete(disk.dir().resolve("filler"));
    Lease lease = lock().acquire(Duration.ZERO).orElseThrow();
    lease.close();
  }
}
