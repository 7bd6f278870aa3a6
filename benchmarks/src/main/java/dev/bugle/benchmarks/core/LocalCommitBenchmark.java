package dev.bugle.benchmarks.core;

import dev.bugle.core.Providers;
import dev.bugle.spi.Checkpoints;
import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.Lease;
import dev.bugle.testkit.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The checkpoint commit the scheduler makes after each group of fires, on the built-in {@code local} lock
 * holding {@code schedules} checkpoints: each commit advances 10 schedules (the average includes the journal
 * being folded into a new snapshot now and then). Files go to a temp dir on the working disk.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar LocalCommitBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LocalCommitBenchmark {
  @Param({"1000", "100000"})
  public int schedules;

  private Path dir;
  private LeaderLock lock;
  private Lease lease;
  private Checkpoints checkpoints;
  private Instant at = Instant.parse("2026-01-01T00:00:00Z");
  private int next;

  @Setup
  public void setUp() throws Exception {
    dir = Files.createTempDirectory(Path.of("."), "bench-local-");
    lock = Providers.load(getClass().getClassLoader()).lock("bugle.lock", "local")
        .create(TestSettings.lock("local", "dir", dir.toString()));
    lease = lock.acquire(Duration.ZERO).orElseThrow();
    checkpoints = lease.checkpoints();
    Map<String, Instant> all = new HashMap<>();
    for (int i = 0; i < schedules; i++) {
      all.put("job-" + i, at);
    }
    checkpoints.commit(all);
  }

  @Benchmark
  public void commitTen() {
    at = at.plusSeconds(1);
    Map<String, Instant> fires = new HashMap<>();
    for (int i = 0; i < 10; i++) {
      fires.put("job-" + (next++ % schedules), at);
    }
    checkpoints.commit(fires);
  }

  @TearDown
  public void tearDown() throws IOException {
    lease.close();
    lock.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
