package dev.bugle.core;

import dev.bugle.core.internal.Concurrently;
import dev.bugle.core.internal.Durations;
import dev.bugle.core.internal.Problems;
import dev.bugle.core.internal.Suggest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.LeaderLock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock and the enqueuers a configuration names, created by their providers (which validate their own
 * settings and connect only on first use), with every unknown provider key and every invalid job reported.
 */
public final class Components implements AutoCloseable {
  /** How long {@link #close()} waits for the enqueuers and the lock together. */
  public static final Duration CLOSE_BOUND = Duration.ofMillis(1500);
  private static final Logger LOG = LoggerFactory.getLogger(Components.class);
  private final LeaderLock lock;
  private final String lockType;
  private final Map<String, Enqueuer> enqueuers;
  private final Set<String> secretKeys;

  private Components(LeaderLock lock, String lockType, Map<String, Enqueuer> enqueuers, Set<String> secretKeys) {
    this.lock = lock;
    this.lockType = lockType;
    this.enqueuers = enqueuers;
    this.secretKeys = secretKeys;
  }

  /** The parts of a reload: the running lock, with {@code enqueuers}. */
  static Components of(LeaderLock lock, String lockType, Map<String, Enqueuer> enqueuers, Set<String> secretKeys) {
    return new Components(lock, lockType, new LinkedHashMap<>(enqueuers), Set.copyOf(secretKeys));
  }

  public static Components assemble(BugleConfig config, Providers providers, InstantSource clock) {
    Problems problems = new Problems();
    Set<String> secrets = new TreeSet<>();
    PropertySettings lockSettings = PropertySettings.collecting("bugle.lock." + config.lockType() + ".",
        config.namespace(), clock, config.lockProperties());
    LeaderLock lock = ProviderCall.create(lockSettings, problems, secrets,
        () -> providers.lock("bugle.lock", config.lockType()).create(lockSettings));
    Map<String, Enqueuer> enqueuers = new LinkedHashMap<>();
    config.enqueuers().forEach((name, ec) -> {
      PropertySettings s = PropertySettings.collecting("bugle.enqueuer." + name + ".", config.namespace(), clock,
          ec.properties());
      Enqueuer e = ProviderCall.create(s, problems, secrets,
          () -> providers.enqueuer("bugle.enqueuer." + name + ".type", ec.type()).create(s));
      if (e != null) {
        enqueuers.put(name, e);
      }
    });
    for (Schedule s : config.schedules()) {
      Enqueuer e = enqueuers.get(s.enqueuer());
      if (e != null) {
        validate(config.namespace(), s, e, problems);
      }
    }
    Components c = new Components(lock, config.lockType(), enqueuers, secrets);
    if (!problems.isEmpty()) {
      c.close();
    }
    problems.throwIfAny();
    return c;
  }

  private static void validate(String namespace, Schedule s, Enqueuer e, Problems problems) {
    String prefix = "bugle.schedule." + s.name() + ".";
    for (String option : s.options().keySet()) {
      if (!e.jobOptions().contains(option)) {
        problems.add(prefix + "option." + option, "unknown option for enqueuer '" + s.enqueuer() + "'"
            + Suggest.hint(option, e.jobOptions()) + "; it understands " + new TreeSet<>(e.jobOptions()));
      }
    }
    problems.attempt(() -> {
      e.validate(s.requestAt(namespace, Instant.EPOCH));
      return null;
    });
    e.dedupeRetention().filter(r -> e.deduplicates() && s.misfireWindow().compareTo(r.duration()) >= 0)
        .ifPresent(r -> {
          String setting = "bugle.enqueuer." + s.enqueuer() + "." + r.key();
          problems.add(prefix + "misfire-window", "is " + Durations.format(s.misfireWindow()) + ", but enqueuer '"
              + s.enqueuer() + "' remembers a fire's id for " + Durations.format(r.duration()) + " (" + setting
              + "): a fire sent again late in the window could be enqueued twice; shorten the window or set, for "
              + "example, " + setting + "=" + Durations.format(s.misfireWindow().multipliedBy(2)));
        });
  }

  /**
   * Lets every enqueuer connect and check its backend ({@link Enqueuer#open()}), all at once, each on its own
   * daemon thread; every permanent mistake is reported together, each naming its key. An interrupt (a stop
   * during start-up) ends the wait at once, leaving a backend that hangs to {@link #close()}.
   */
  public void open() throws InterruptedException {
    Map<String, Runnable> opens = new LinkedHashMap<>();
    enqueuers.forEach((name, e) -> opens.put("open-" + name, e::open));
    Problems problems = new Problems();
    for (Throwable t : Concurrently.start("bugle-", opens).awaitAll().values()) {
      if (t instanceof ConfigException c) {
        problems.add(c);
      } else if (t instanceof RuntimeException r) {
        throw r;
      } else {
        throw new BugleException("opening an enqueuer failed: " + t, t);
      }
    }
    problems.throwIfAny();
  }

  public LeaderLock lock() {
    return lock;
  }

  public Map<String, Enqueuer> enqueuers() {
    return Map.copyOf(enqueuers);
  }

  /** Full keys the providers marked secret; {@code bugle check} masks them. */
  public Set<String> secretKeys() {
    return Set.copyOf(secretKeys);
  }

  /**
   * Closes every enqueuer and the lock at once, each on its own daemon thread, and waits at most
   * {@link #CLOSE_BOUND} for them together, so that a stop ends within a container's grace period whatever the
   * backends do: what did not close in time is named in a warning and left behind (a lease not released dies by
   * its TTL). Never throws.
   */
  @Override
  public void close() {
    Map<String, Runnable> closes = new LinkedHashMap<>();
    enqueuers.forEach((name, e) -> closes.put("enqueuer '" + name + "'", e::close));
    if (lock != null) {
      closes.put("the " + lockType + " lock", lock::close);
    }
    Map<String, Throwable> failed = new LinkedHashMap<>();
    List<String> late = Concurrently.start("bugle-close-", closes).within(CLOSE_BOUND, failed);
    failed.forEach((what, e) -> LOG.warn("closing {}: {}", what, Secrets.maskUrls(String.valueOf(e.getMessage()))));
    if (!late.isEmpty()) {
      LOG.warn("{} did not close within {}; going on without {}", String.join(", ", late),
          Durations.format(CLOSE_BOUND), late.size() == 1 ? "it" : "them");
    }
  }
}
