package dev.bugle.benchmarks.core;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.ConfigLoader;
import dev.bugle.core.internal.Scheduler;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

/**
 * The heap a scheduler with 100,000 schedules holds, and the CPU it uses while nothing is due.
 *
 * <pre>{@code java -Xmx300m -cp benchmarks/target/benchmarks.jar dev.bugle.benchmarks.core.SchedulerFootprint MIX SECONDS RUNS}</pre>
 *
 * MIX is {@code realistic} or {@code distinct} ({@link ScheduleMix}), SECONDS the idle measurement (default 20),
 * RUNS how many times to load and plan in this JVM (default 1: the cold start a real process has; more show the
 * warmed-up cost). Each run starts with empty caches.
 *
 * Heap: used heap after full GCs with the configuration and the planned scheduler reachable, minus the same before
 * loading (the generated input properties are dropped first: a real process reads them from a file). CPU: the
 * scheduler's {@code runLoop} on its own thread for N seconds with no fire due, read with {@link ThreadMXBean};
 * the clock stands at 10:00:01 while loading and then ticks, so the most frequent schedules (every minute) are
 * 59 s away. The process's CPU
 * over the same seconds is printed too (GC, JIT, every other thread).
 */
public final class SchedulerFootprint {
  private SchedulerFootprint() {
  }

  public static void main(String[] args) throws Exception {
    String mix = args.length > 0 ? args[0] : "realistic";
    int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int count = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;

    long before = usedHeapAfterGc();
    Map<String, String> properties = ScheduleMix.of(mix, count);
    Loaded loaded = null;
    for (int run = 1; run <= runs; run++) {
      loaded = null;
      Fixtures.clearCronCaches();
      loaded = loadAndPlan(properties, run, mix);
    }
    properties = null;
    long retained = usedHeapAfterGc() - before;
    System.out.printf("heap retained by the configuration and the scheduler: %.1f MB (max heap %d MB)%n",
        retained / 1e6, Runtime.getRuntime().maxMemory() / 1_000_000);

    loaded.clock().startTicking();
    idleCpu(loaded.scheduler(), loaded.enqueuer(), idleSeconds);
    Reference.reachabilityFence(loaded);
  }

  private record Loaded(BugleConfig config, Scheduler scheduler, Fixtures.CountingEnqueuer enqueuer, IdleClock clock) {
  }

  /** Loads and plans as {@code bugle run} does, printing the wall and CPU time of each phase. */
  private static Loaded loadAndPlan(Map<String, String> properties, int run, String mix) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    IdleClock clock = new IdleClock(Instant.parse("2026-06-01T10:00:01Z"));
    long g0 = gcMillis();
    long t0 = System.nanoTime();
    long c0 = threads.getCurrentThreadCpuTime();
    BugleConfig config = ConfigLoader.parse(properties, Map.of());
    long t1 = System.nanoTime();
    long c1 = threads.getCurrentThreadCpuTime();
    Fixtures.CountingEnqueuer enqueuer = new Fixtures.CountingEnqueuer();
    Scheduler scheduler = Fixtures.scheduler(config, clock, enqueuer);
    scheduler.start();
    long t2 = System.nanoTime();
    long c2 = threads.getCurrentThreadCpuTime();
    System.out.printf("mix=%s schedules=%d run %d in this JVM: load %d ms (%d ms CPU), plan %d ms (%d ms CPU),"
        + " total %d ms (%d ms CPU, GC %d ms); first fire %s%n", mix, config.schedules().size(), run,
        (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000, (t2 - t1) / 1_000_000, (c2 - c1) / 1_000_000,
        (t2 - t0) / 1_000_000, (c2 - c0) / 1_000_000, gcMillis() - g0, scheduler.nextFireTime().orElseThrow());
    return new Loaded(config, scheduler, enqueuer, clock);
  }

  private static void idleCpu(Scheduler scheduler, Fixtures.CountingEnqueuer enqueuer, int seconds)
      throws InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
      throw new IllegalStateException("this JVM cannot measure thread CPU time");
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Thread loop = new Thread(scheduler::runLoop, "bugle-scheduler");
    loop.start();
    Thread.sleep(500); // let the loop reach its first sleep
    long cpu0 = threads.getThreadCpuTime(loop.getId());
    long process0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    Thread.sleep(Duration.ofSeconds(seconds).toMillis());
    long cpu = threads.getThreadCpuTime(loop.getId()) - cpu0;
    long process = os.getProcessCpuTime() - process0;
    double wall = (System.nanoTime() - wall0) / 1e9;
    scheduler.stop();
    loop.join(5_000);
    System.out.printf("idle %.1f s with nothing due: scheduler thread %.3f ms CPU (%.4f ms per wall second; %.3f ms"
        + " before, to start and compute its first sleep), whole process %.1f ms CPU (%.3f ms per wall second);"
        + " jobs enqueued: %d; loop stopped: %s%n", wall, cpu / 1e6, cpu / 1e6 / wall, cpu0 / 1e6, process / 1e6,
        process / 1e6 / wall, enqueuer.jobs.get(), !loop.isAlive());
  }

  /** Stands at its start instant while the schedules are loaded and planned, then runs like a wall clock. */
  static final class IdleClock implements InstantSource {
    private final Instant start;
    private volatile long tickingSince = -1;

    IdleClock(Instant start) {
      this.start = start;
    }

    void startTicking() {
      tickingSince = System.nanoTime();
    }

    @Override
    public Instant instant() {
      long since = tickingSince;
      return since < 0 ? start : start.plusNanos(System.nanoTime() - since);
    }
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
