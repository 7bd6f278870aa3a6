package dev.bugle.core;

import dev.bugle.core.internal.Problems;
import dev.bugle.core.internal.Suggest;
import dev.bugle.core.internal.Values;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.spi.LeaderLockProvider;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Finds lock and enqueuer providers on the class path with {@link ServiceLoader}, by type name, the way SLF4J 2
 * finds its providers. A broken provider jar is reported, not swallowed; two providers of one type are an error.
 */
public final class Providers {
  private final Map<String, EnqueuerProvider> enqueuers;
  private final Map<String, LeaderLockProvider> locks;

  private Providers(Map<String, EnqueuerProvider> enqueuers, Map<String, LeaderLockProvider> locks) {
    this.enqueuers = enqueuers;
    this.locks = locks;
  }

  /** The providers visible to {@code loader}. */
  public static Providers load(ClassLoader loader) {
    return new Providers(
        discover(ServiceLoader.load(EnqueuerProvider.class, loader), EnqueuerProvider::type),
        discover(ServiceLoader.load(LeaderLockProvider.class, loader), LeaderLockProvider::type));
  }

  /** Providers given directly, for embedding and tests. */
  public static Providers of(Map<String, EnqueuerProvider> enqueuers, Map<String, LeaderLockProvider> locks) {
    return new Providers(new TreeMap<>(enqueuers), new TreeMap<>(locks));
  }

  /** These providers plus an application's own enqueuer type, for embedding. */
  public Providers with(EnqueuerProvider extra) {
    Map<String, EnqueuerProvider> more = new TreeMap<>(enqueuers);
    more.put(extra.type(), extra);
    return new Providers(more, locks);
  }

  /** These providers plus an application's own lock type, for embedding. */
  public Providers withLock(LeaderLockProvider extra) {
    Map<String, LeaderLockProvider> more = new TreeMap<>(locks);
    more.put(extra.type(), extra);
    return new Providers(enqueuers, more);
  }

  public EnqueuerProvider enqueuer(String key, String type) {
    EnqueuerProvider p = enqueuers.get(type);
    if (p == null) {
      throw unknown(key, "enqueuer", type, enqueuers.keySet(), "log");
    }
    return p;
  }

  public LeaderLockProvider lock(String key, String type) {
    LeaderLockProvider p = locks.get(type);
    if (p == null) {
      throw unknown(key, "lock", type, locks.keySet(), "local");
    }
    return p;
  }

  private static ConfigException unknown(String key, String kind, String type, Set<String> known, String fallback) {
    String meant = Suggest.closest(type, known).orElse(null);
    return new ConfigException(key, "unknown " + kind + " type '" + Values.show(type) + "'"
        + (meant == null ? "" : " (did you mean '" + meant + "'?)") + "; types on the class path: " + known
        + "; for example: " + key + "=" + (meant == null ? fallback : meant));
  }

  /** Every enqueuer and lock type the configuration names is one on the class path; mistakes go to problems. */
  void checkTypes(BugleConfig config, Problems problems) {
    problems.attempt(() -> lock("bugle.lock", config.lockType()));
    config.enqueuers().forEach((name, ec) -> problems.attempt(() -> enqueuer("bugle.enqueuer." + name + ".type",
        ec.type())));
  }

  public java.util.Set<String> enqueuerTypes() {
    return enqueuers.keySet();
  }

  public java.util.Set<String> lockTypes() {
    return locks.keySet();
  }

  private static <P> Map<String, P> discover(ServiceLoader<P> loader, Function<P, String> type) {
    Map<String, P> found = new TreeMap<>();
    Iterator<P> it = loader.iterator();
    while (true) {
      P p;
      try {
        if (!it.hasNext()) {
          return found;
        }
        p = it.next();
      } catch (ServiceConfigurationError e) {
        throw new BugleException("a provider jar on the class path is broken: " + e.getMessage(), e);
      }
      P previous = found.putIfAbsent(type.apply(p), p);
      if (previous != null && previous.getClass() != p.getClass()) {
        throw new BugleException("two providers claim type '" + type.apply(p) + "': "
            + previous.getClass().getName() + " and " + p.getClass().getName());
      }
    }
  }
}
