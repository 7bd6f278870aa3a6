package dev.bugle.core;

import dev.bugle.core.event.BugleListener;
import dev.bugle.core.internal.Durations;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.LeaderLockProvider;
import dev.bugle.spi.Settings;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Bugle} from code ({@link Bugle#builder()}): the lock and the enqueuers by type with their
 * settings (the same settings, validation and messages as the properties file: {@code settings} keys are the
 * ones under {@code bugle.lock.TYPE.} and {@code bugle.enqueuer.NAME.}), or as instances; typed schedules; the
 * clock and listeners, given once. The built node owns its lock and enqueuers and closes them in
 * {@link Bugle#close()}.
 */
public final class BugleBuilder {
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final List<Schedule> schedules = new ArrayList<>();
  private final List<BugleListener> listeners = new ArrayList<>();
  private Providers providers;
  private InstantSource clock = InstantSource.system();

  BugleBuilder() {
    providers = Providers.load(Thread.currentThread().getContextClassLoader() != null
        ? Thread.currentThread().getContextClassLoader() : Bugle.class.getClassLoader());
  }

  public BugleBuilder namespace(String namespace) {
    properties.put("bugle.namespace", namespace);
    return this;
  }

  /** The lock by type ({@code local}, {@code consul}), with its settings (keys under {@code bugle.lock.TYPE.}). */
  public BugleBuilder lock(String type, Map<String, String> settings) {
    properties.keySet().removeIf(k -> k.startsWith("bugle.lock.") && !k.equals("bugle.lock.wait")
        && !k.equals("bugle.lock.on-lost"));
    properties.put("bugle.lock", type);
    settings.forEach((k, v) -> properties.put("bugle.lock." + type + "." + k, v));
    return this;
  }

  /** A lock of the application's own. */
  public BugleBuilder lock(LeaderLock instance) {
    providers = providers.withLock(new LeaderLockProvider() {
      @Override
      public String type() {
        return "instance";
      }

      @Override
      public LeaderLock create(Settings settings) {
        return instance;
      }
    });
    return lock("instance", Map.of());
  }

  /** How long a standby waits for the lock before {@link Bugle.Outcome#NOT_ACQUIRED}; default forever. */
  public BugleBuilder lockWait(Duration wait) {
    properties.put("bugle.lock.wait", Durations.format(wait));
    return this;
  }

  public BugleBuilder onLost(BugleConfig.OnLost onLost) {
    properties.put("bugle.lock.on-lost", onLost == BugleConfig.OnLost.EXIT ? "exit" : "recontend");
    return this;
  }

  /** An enqueuer by type ({@code sidekiq}, {@code jobrunr}, ...), with its settings. */
  public BugleBuilder enqueuer(String name, String type, Map<String, String> settings) {
    properties.put("bugle.enqueuer." + name + ".type", type);
    settings.forEach((k, v) -> properties.put("bugle.enqueuer." + name + "." + k, v));
    return this;
  }

  /** An enqueuer of the application's own. */
  public BugleBuilder enqueuer(String name, Enqueuer instance) {
    String type = "instance-" + name;
    providers = providers.with(new EnqueuerProvider() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public Enqueuer create(Settings settings) {
        return instance;
      }
    });
    return enqueuer(name, type, Map.of());
  }

  public BugleBuilder schedule(Schedule schedule) {
    schedules.add(schedule);
    return this;
  }

  public BugleBuilder clock(InstantSource clock) {
    this.clock = clock;
    return this;
  }

  public BugleBuilder listener(BugleListener listener) {
    listeners.add(listener);
    return this;
  }

  /** Validates everything, as {@code bugle check} does, and creates the parts; nothing connects yet. */
  public Bugle build() {
    BugleConfig parsed = ConfigLoader.parse(properties, Map.of(), providers, false);
    for (Schedule s : schedules) {
      if (!parsed.enqueuers().containsKey(s.enqueuer())) {
        throw new ConfigException("Schedule.builder(\"" + s.name() + "\").enqueuer", "names '" + s.enqueuer()
            + "', which is not configured; configured: " + parsed.enqueuers().keySet());
      }
    }
    BugleConfig config = new BugleConfig(parsed.namespace(), parsed.lockType(), parsed.lockWait(), parsed.onLost(),
        parsed.lockProperties(), parsed.enqueuers(), schedules, parsed.properties(), parsed.templates());
    Components parts = Components.assemble(config, providers, clock);
    Bugle bugle = new Bugle(config, parts, clock, true);
    listeners.forEach(bugle::addListener);
    return bugle;
  }
}
