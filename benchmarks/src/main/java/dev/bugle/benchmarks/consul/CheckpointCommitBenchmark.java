package dev.bugle.benchmarks.consul;

import dev.bugle.lock.consul.ConsulLockProvider;
import dev.bugle.spi.Checkpoints;
import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.Lease;
import dev.bugle.testkit.TestSettings;
import dev.bugle.testkit.consul.ConsulEmulator;
import dev.bugle.testkit.consul.EmulatorOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kiwiproject.consul.Consul;
import org.kiwiproject.consul.KeyValueClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the fenced checkpoint commit after each fire (a consistent read plus a {@code check-session}
 * + {@code cas} transaction) against one raw {@code PUT} of the same JSON with the kiwiproject client, both
 * against the in-process Consul emulator. The ratio is the price of fencing; absolute times are the
 * emulator's, not a real Consul's. {@code isValid()} is what the scheduler checks before every enqueue.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CheckpointCommitBenchmark {
  private ConsulEmulator consul;
  private LeaderLock lock;
  private Lease lease;
  private Checkpoints checkpoints;
  private Consul raw;
  private KeyValueClient kv;
  private long second;

  @Setup(Level.Trial)
  public void setUp() throws InterruptedException {
    consul = ConsulEmulator.start(EmulatorOptions.defaults());
    lock = new ConsulLockProvider().create(TestSettings.lock("consul", "address", consul.address(),
        "key", "bench/leader", "ttl", "30s"));
    lease = lock.acquire(Duration.ZERO).orElseThrow();
    checkpoints = lease.checkpoints();
    raw = Consul.builder().withUrl(consul.address()).withPing(false).build();
    kv = raw.keyValueClient();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    lock.close();
    raw.destroy();
    consul.close();
  }

  @Benchmark
  public void fencedCommit() {
    checkpoints.commit(Map.of("tick", Instant.EPOCH.plusSeconds(++second)));
  }

  @Benchmark
  public boolean rawPut() {
    return kv.putValue("bench/raw", "{\"tick\":\"" + Instant.EPOCH.plusSeconds(++second) + "\"}");
  }

  @Benchmark
  public boolean isValid() {
    return lease.isValid();
  }
}
