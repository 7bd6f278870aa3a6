package dev.bugle.core;

import dev.bugle.core.internal.Problems;
import dev.bugle.spi.Enqueuer;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A new configuration, validated and ready to replace the running one without a restart ({@link Bugle#reload}).
 * It keeps the running lock and every enqueuer whose settings did not change; a new or changed enqueuer is
 * created and opened here, so that a permanent mistake in it refuses the reload and nothing changes. The
 * namespace and the lock cannot change on a running node: that is refused as needing a restart.
 */
public final class Reconfiguration {
  private final BugleConfig config;
  private final Components parts;
  private final List<Enqueuer> retired;
  private final Set<String> reopened;
  private final Set<String> added;
  private final Set<String> changed;
  private final Set<String> removed;

  private Reconfiguration(BugleConfig config, Components parts, List<Enqueuer> retired, Set<String> reopened) {
    this.config = config;
    this.added = new TreeSet<>();
    this.changed = new TreeSet<>();
    this.removed = new TreeSet<>();
    this.parts = parts;
    this.retired = retired;
    this.reopened = reopened;
  }

  /**
   * Validates {@code next} against the running {@code current} configuration and parts.
   *
   * @throws ConfigException naming every problem (as {@code bugle check} would), or the keys that need a restart
   */
  public static Reconfiguration prepare(BugleConfig current, Components currentParts, BugleConfig next,
      Providers providers, InstantSource clock) {
    Problems restart = new Problems();
    needsRestart(restart, "bugle.namespace", current.namespace(), next.namespace());
    needsRestart(restart, "bugle.lock", current.lockType(), next.lockType());
    needsRestart(restart, "bugle.lock." + current.lockType() + ".*", current.lockProperties(), next.lockProperties());
    needsRestart(restart, "bugle.lock.wait", current.lockWait(), next.lockWait());
    needsRestart(restart, "bugle.lock.on-lost", current.onLost(), next.onLost());
    restart.throwIfAny();
    Components fresh = Components.assemble(next, providers, clock); // every other mistake, reported together
    Map<String, Enqueuer> merged = new LinkedHashMap<>();
    Set<String> reopened = new TreeSet<>();
    List<Enqueuer> unused = new ArrayList<>();
    next.enqueuers().forEach((name, ec) -> {
      Enqueuer running = currentParts.enqueuers().get(name);
      if (running != null && ec.equals(current.enqueuers().get(name))) {
        merged.put(name, running);
        unused.add(fresh.enqueuers().get(name));
      } else {
        merged.put(name, fresh.enqueuers().get(name));
        reopened.add(name);
      }
    });
    Components parts = Components.of(currentParts.lock(), next.lockType(), merged, fresh.secretKeys());
    try {
      Problems opening = new Problems();
      reopened.forEach(name -> opening.attempt(() -> {
        merged.get(name).open();
        return null;
      }));
      opening.throwIfAny();
    } catch (RuntimeException e) {
      reopened.forEach(name -> closeQuietly(merged.get(name)));
      unused.forEach(Reconfiguration::closeQuietly);
      fresh.lock().close();
      throw e;
    }
    unused.forEach(Reconfiguration::closeQuietly);
    fresh.lock().close();
    List<Enqueuer> retired = new ArrayList<>();
    currentParts.enqueuers().values().stream().filter(e -> !merged.containsValue(e)).forEach(retired::add);
    Reconfiguration r = new Reconfiguration(next, parts, retired, reopened);
    Map<String, Schedule> before = new LinkedHashMap<>();
    current.schedules().forEach(s -> before.put(s.name(), s));
    for (Schedule s : next.schedules()) {
      Schedule old = before.remove(s.name());
      if (old == null) {
        r.added.add(s.name());
      } else if (!old.equals(s)) {
        r.changed.add(s.name());
      }
    }
    r.removed.addAll(before.keySet());
    return r;
  }

  /** The schedules this reload adds, changes and removes, by name. */
  public Set<String> added() {
    return Set.copyOf(added);
  }

  public Set<String> changed() {
    return Set.copyOf(changed);
  }

  public Set<String> removed() {
    return Set.copyOf(removed);
  }

  private static void needsRestart(Problems problems, String key, Object was, Object is) {
    if (!Objects.equals(was, is)) {
      problems.add(key, "changed, and needs a restart: a running node keeps its namespace and lock; the old "
          + "configuration keeps running");
    }
  }

  private static void closeQuietly(Enqueuer e) {
    try {
      e.close();
    } catch (Exception ignored) {
      // never used; nothing to release that matters
    }
  }

  public BugleConfig config() {
    return config;
  }

  /** The parts to run with: the running lock, kept and new enqueuers. */
  public Components parts() {
    return parts;
  }

  /** Running enqueuers that the new configuration no longer uses; closed once their sends are done. */
  public List<Enqueuer> retired() {
    return List.copyOf(retired);
  }

  /** Enqueuers created anew (added, or their settings changed). */
  public Set<String> reopened() {
    return Set.copyOf(reopened);
  }
}
