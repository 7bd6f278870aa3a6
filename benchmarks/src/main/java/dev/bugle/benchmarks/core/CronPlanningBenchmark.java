package dev.bugle.benchmarks.core;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.ConfigLoader;
import dev.bugle.core.internal.Scheduler;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning 100,000 cron schedules as {@code bugle run} does at start-up: {@link ConfigLoader} reads and validates
 * every property and parses every cron (sharing repeated expressions), then the {@link Scheduler} computes each
 * schedule's first fire and queues it. Each invocation starts with an empty cache of parsed expressions.
 *
 * <ul>
 *   <li>{@code loadAndPlan}: the whole of it, the figure the 2 s target is about;</li>
 *   <li>{@code load}: configuration only (parse, validate, build the schedules);</li>
 *   <li>{@code plan}: first fires only, over an already loaded configuration.</li>
 * </ul>
 * One invocation is one full run ({@link Mode#SingleShotTime}); with {@code -wi 0 -i 1} and several forks it
 * measures the cold first run of a fresh JVM. The forks get the JVM's default heap, as {@code ./bugle} does;
 * {@link SchedulerFootprint} measures the heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 2, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class CronPlanningBenchmark {
  static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-06-01T10:00:01Z"));

  @Param({"realistic", "distinct"})
  public String mix;

  @Param({"100000"})
  public int schedules;

  private Map<String, String> properties;

  @Setup(Level.Trial)
  public void generate() {
    properties = ScheduleMix.of(mix, schedules);
  }

  @Setup(Level.Invocation)
  public void freshProcess() {
    Fixtures.clearCronCaches();
    System.gc();
  }

  @Benchmark
  public Optional<Instant> loadAndPlan() {
    BugleConfig config = ConfigLoader.parse(properties, Map.of());
    return plan(config);
  }

  @Benchmark
  public BugleConfig load() {
    return ConfigLoader.parse(properties, Map.of());
  }

  @Benchmark
  public Optional<Instant> plan(PlanState state) {
    return plan(state.config);
  }

  private static Optional<Instant> plan(BugleConfig config) {
    Scheduler scheduler = Fixtures.scheduler(config, CLOCK, new Fixtures.CountingEnqueuer());
    scheduler.start();
    return scheduler.nextFireTime();
  }

  /** A configuration loaded before the measurement, so that {@code plan} times the first fires alone. */
  @State(Scope.Thread)
  public static class PlanState {
    BugleConfig config;

    @Setup(Level.Invocation)
    public void load(CronPlanningBenchmark bench) {
      Fixtures.clearCronCaches();
      config = ConfigLoader.parse(bench.properties, Map.of());
    }
  }
}
