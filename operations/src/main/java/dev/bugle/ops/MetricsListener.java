package dev.bugle.ops;

import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.FireEvent;
import dev.bugle.core.event.FireOutcome;
import dev.bugle.core.event.NodeState;
import dev.bugle.core.event.SchedulePlanned;
import dev.bugle.core.event.StateChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Turns the events into Micrometer meters on any registry (Prometheus here, a Spring Boot app's later), with the
 * names of docs/operations.md. Only the first {@code scheduleSeries} schedules (in configuration order) get their
 * own {@code schedule} label and timestamp gauges; the others count under {@code schedule="_other"}, so a
 * configuration of 100,000 schedules keeps a scrape bounded.
 */
public final class MetricsListener implements BugleListener {
  /** The {@code schedule} label of the schedules beyond the cap. */
  public static final String OTHER = "_other";
  /** The histogram buckets of lateness and enqueue duration: from 5 ms to 5 minutes. */
  static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5)};

  private final MeterRegistry registry;
  private final Set<String> ownSeries;
  private final AtomicLong leader = new AtomicLong();
  private final AtomicLong fencingToken = new AtomicLong();
  private final Counter leaseLost;
  private final ConcurrentMap<String, AtomicLong> lastFire = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AtomicLong> nextFire = new ConcurrentHashMap<>();

  public MetricsListener(MeterRegistry registry, List<String> schedules, int scheduleSeries) {
    this.registry = registry;
    this.ownSeries = schedules.stream().limit(scheduleSeries).collect(Collectors.toUnmodifiableSet());
    int count = schedules.size();
    Gauge.builder("bugle.leader", leader, AtomicLong::get)
        .description("1 while this node holds the lock and fires, else 0").register(registry);
    Gauge.builder("bugle.fencing.token", fencingToken, AtomicLong::get)
        .description("The fencing token of this node's lease while it leads, else 0").register(registry);
    Gauge.builder("bugle.schedules", () -> count).description("Configured schedules").register(registry);
    leaseLost = Counter.builder("bugle.lease.lost").description("Leases this node lost").register(registry);
  }

  @Override
  public void onStateChange(StateChange change) {
    leader.set(change.state() == NodeState.LEADING ? 1 : 0);
    if (change.state() == NodeState.LEADING) {
      fencingToken.set(change.fencingToken().orElse(0));
    } else if (change.state() != NodeState.LOST) {
      fencingToken.set(0);
    }
    if (change.state() == NodeState.LOST) {
      leaseLost.increment();
    }
  }

  @Override
  public void onFire(FireEvent e) {
    Counter.builder("bugle.fires").description("Fires by outcome; a catch-up of N fires counts N")
        .tag("schedule", label(e.schedule())).tag("enqueuer", e.enqueuer()).tag("outcome", e.outcome().label())
        .register(registry).increment(e.count());
    if (e.outcome() == FireOutcome.ENQUEUED || e.outcome() == FireOutcome.DEDUPLICATED) {
      timer("bugle.fire.lateness", "From when a fire was due until the backend acknowledged it", e.enqueuer())
          .record(e.lateness());
      if (ownSeries.contains(e.schedule())) {
        gauge(lastFire, "bugle.last.fire.timestamp.seconds", "The last acknowledged fire (scheduled instant)",
            e.schedule()).set(e.last().toEpochMilli());
      }
    }
    if (e.attempt() > 0) {
      timer("bugle.enqueue.duration", "How long one send to the backend took", e.enqueuer())
          .record(e.enqueueDuration());
    }
  }

  @Override
  public void onPlanned(SchedulePlanned p) {
    if (!ownSeries.contains(p.schedule())) {
      return;
    }
    gauge(nextFire, "bugle.next.fire.timestamp.seconds", "The next scheduled fire; NaN when none", p.schedule())
        .set(p.nextFire().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
    p.lastFire().ifPresent(l -> gauge(lastFire, "bugle.last.fire.timestamp.seconds",
        "The last acknowledged fire (scheduled instant)", p.schedule()).set(l.toEpochMilli()));
  }

  private String label(String schedule) {
    return ownSeries.contains(schedule) ? schedule : OTHER;
  }

  private Timer timer(String name, String description, String enqueuer) {
    return Timer.builder(name).description(description).tag("enqueuer", enqueuer).serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  /** Epoch milliseconds, {@link Long#MIN_VALUE} for none (shown as NaN), registered on first use. */
  private AtomicLong gauge(ConcurrentMap<String, AtomicLong> map, String name, String description, String schedule) {
    return map.computeIfAbsent(schedule, s -> {
      AtomicLong v = new AtomicLong(Long.MIN_VALUE);
      Gauge.builder(name, v, x -> x.get() == Long.MIN_VALUE ? Double.NaN : x.get() / 1000.0)
          .description(description).tag("schedule", s).register(registry);
      return v;
    });
  }

  /** For tests and the status API: whether {@code schedule} has its own series. */
  public boolean hasOwnSeries(String schedule) {
    return ownSeries.contains(schedule);
  }

}
