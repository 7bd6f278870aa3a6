package dev.bugle.benchmarks.core;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.CronTrigger;
import dev.bugle.core.JobRequest;
import dev.bugle.core.internal.Backoff;
import dev.bugle.core.internal.CronExpressions;
import dev.bugle.core.internal.Names;
import dev.bugle.core.internal.Scheduler;
import dev.bugle.spi.Checkpoints;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.Lease;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A trivial lease and enqueuer, so that the measurements see the scheduler and nothing else. */
final class Fixtures {
  private Fixtures() {
  }

  /** A scheduler over {@code config}'s schedules, a lease that is always valid, and an enqueuer that counts. */
  static Scheduler scheduler(BugleConfig config, InstantSource clock, CountingEnqueuer enqueuer) {
    Map<String, Enqueuer> enqueuers = new HashMap<>();
    config.enqueuers().keySet().forEach(name -> enqueuers.put(name, enqueuer));
    return new Scheduler(config.schedules(), enqueuers, new MemoryLease(), config.namespace(), clock,
        Backoff.DEFAULT);
  }

  /**
   * Empties the parsed cron expressions and the shared cron triggers (with their last answers), so that each
   * measured run parses and plans everything as a freshly started process does. Both caches are private on
   * purpose; only a benchmark needs to clear them.
   */
  static void clearCronCaches() {
    clear(CronExpressions.class, "CACHE");
    clear(CronTrigger.class, "SHARED");
    clear(Names.class, "ZONES");
    try {
      clear(Class.forName("dev.bugle.core.internal.CronFields"), "CACHE");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("dev.bugle.core.internal.CronFields is gone; update the benchmark", e);
    }
  }

  private static void clear(Class<?> owner, String field) {
    try {
      Field f = owner.getDeclaredField(field);
      f.setAccessible(true);
      ((Map<?, ?>) f.get(null)).clear();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(owner.getName() + " no longer has the cache " + field + "; update the benchmark", e);
    }
  }

  /** Counts jobs and drops them. */
  static final class CountingEnqueuer implements Enqueuer {
    final AtomicLong jobs = new AtomicLong();

    @Override
    public void enqueue(JobRequest job) {
      jobs.incrementAndGet();
    }

    @Override
    public void enqueueAll(List<JobRequest> batch) {
      jobs.addAndGet(batch.size());
    }

    @Override
    public boolean deduplicates() {
      return false;
    }
  }

  /**
   * A lease that never ends. Its checkpoints are counted and dropped: a real lock keeps them in its own store (a
   * file, Consul), not in the scheduler's heap, so the heap measurement must not count them either.
   */
  static final class MemoryLease implements Lease, Checkpoints {
    final AtomicLong committed = new AtomicLong();

    @Override
    public boolean isValid() {
      return true;
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
    }

    @Override
    public Map<String, Instant> load() {
      return Map.of();
    }

    @Override
    public void commit(Map<String, Instant> fires) {
      committed.addAndGet(fires.size());
    }
  }
}
