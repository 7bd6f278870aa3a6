package dev.bugle.core.internal;

import dev.bugle.core.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Collects every configuration mistake, so that one run reports them all, each naming its key. A key gets one
 * mistake, the first found: a value refused early (a control character, say) is not reported again by the
 * reader that parses it later.
 */
public final class Problems {
  private final List<ConfigException> found = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();

  public void add(ConfigException e) {
    if (e.key() == null || keys.add(e.key())) {
      found.add(e);
    }
  }

  public void add(String key, String message) {
    add(new ConfigException(key, message));
  }

  /** Runs {@code step}; a ConfigException it throws is recorded and {@code null} returned. */
  public <T> T attempt(Supplier<T> step) {
    try {
      return step.get();
    } catch (ConfigException e) {
      add(e);
      return null;
    }
  }

  public int size() {
    return found.size();
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** One exception listing every mistake, one per line; the first one's key is its key. */
  public void throwIfAny() {
    if (found.isEmpty()) {
      return;
    }
    if (found.size() == 1) {
      throw found.get(0);
    }
    StringBuilder sb = new StringBuilder(found.size() + " configuration errors:");
    for (ConfigException e : found) {
      sb.append("\n  - ").append(e.getMessage());
    }
    ConfigException all = new ConfigException(null, sb.toString(), found.get(0));
    throw all;
  }
}
