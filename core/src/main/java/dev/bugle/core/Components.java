package dev.bugle.core;

import dev.bugle.core.internal.Durations;
import dev.bugle.core.internal.Problems;
import dev.bugle.core.internal.Suggest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.LeaderLock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lock and the enqueuers a configuration names, created by their providers (which validate their own
 * settings and connect only on first use), with every unknown provider key and every invalid job reported.
 */
public final class Components implements AutoCloseable {
  private final LeaderLock lock;
  private final Map<String, Enqueuer> enqueuers;
  private final Set<String> secretKeys;

  private Components(LeaderLock lock, Map<String, Enqueuer> enqueuers, Set<String> secretKeys) {
    this.lock = lock;
    this.enqueuers = enqueuers;
    this.secretKeys = secretKeys;
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
    Components c = new Components(lock, enqueuers, secrets);
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
   * Lets every enqueuer connect and check its backend ({@link Enqueuer#open()}); every permanent mistake is
   * reported together, each naming its key.
   */
  public void open() {
    Problems problems = new Problems();
    enqueuers.values().forEach(e -> problems.attempt(() -> {
      e.open();
      return null;
    }));
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

  @Override
  public void close() {
    List.copyOf(enqueuers.values()).forEach(ProviderCall::closeQuietly);
    if (lock != null) {
      lock.close();
    }
  }
}
