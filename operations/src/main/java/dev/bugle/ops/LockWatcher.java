package dev.bugle.ops;

import dev.bugle.core.Secrets;
import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.LockStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import dev.bugle.core.Pause;
import dev.bugle.core.internal.PauseWatch;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the lock's store ({@link LeaderLock#inspect()}) every {@link #INTERVAL} on a thread of its own while the
 * node does not lead, so that a standby can say who leads and whether it is in touch with its lock service, and a
 * probe or a page never waits for the store's I/O. A leader knows both itself and skips the read.
 */
final class LockWatcher implements AutoCloseable {
  static final Duration INTERVAL = Duration.ofSeconds(2);
  /** A read older than this no longer proves that the lock service is reachable. */
  static final Duration FRESH = INTERVAL.multipliedBy(5);
  private static final Logger LOG = LoggerFactory.getLogger(LockWatcher.class);

  /** One read of the store and when it was made. */
  record Reading(LockStatus status, Instant at) {
  }

  private final Supplier<LeaderLock> lock;
  private final InstantSource clock;
  private final BooleanSupplier leading;
  private final ScheduledExecutorService executor;
  private volatile Reading last;
  private volatile Map<String, Pause> pauses = Map.of();

  LockWatcher(Supplier<LeaderLock> lock, InstantSource clock, BooleanSupplier leading) {
    this.lock = lock;
    this.clock = clock;
    this.leading = leading;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bugle-lock-watcher");
      t.setDaemon(true);
      return t;
    });
  }

  void start() {
    executor.scheduleWithFixedDelay(this::readUnlessLeading, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(this::readPauses, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The pause records (leader and standby alike), so that the API and the page show who paused what. */
  void readPauses() {
    try {
      Optional<dev.bugle.spi.Controls> controls = lock.get().controls();
      pauses = controls.map(c -> PauseWatch.parse(c.load())).orElse(Map.of());
    } catch (RuntimeException e) {
      // the records last read stay; the lock reading above reports an unreachable store
    }
  }

  /** The pause records last read, by schedule name. */
  Map<String, Pause> pauses() {
    return pauses;
  }

  void readUnlessLeading() {
    if (leading.getAsBoolean()) {
      return;
    }
    LockStatus s;
    try {
      s = lock.get().inspect();
    } catch (RuntimeException e) {
      s = LockStatus.unreachable(Secrets.maskUrls(String.valueOf(e.getMessage())));
    }
    if (!s.reachable() && (last == null || last.status().reachable())) {
      LOG.warn("lock status: cannot read the lock's store: {}", s.problem().orElse("unknown"));
    }
    last = new Reading(s, clock.instant());
  }

  /** The last reading, if any was made. */
  Optional<Reading> last() {
    return Optional.ofNullable(last);
  }

  /** True when the last reading reached the store and is recent. */
  boolean inTouch() {
    Reading r = last;
    return r != null && r.status().reachable() && Duration.between(r.at(), clock.instant()).compareTo(FRESH) < 0;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
