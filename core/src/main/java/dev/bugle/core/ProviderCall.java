package dev.bugle.core;

import dev.bugle.core.internal.Problems;
import dev.bugle.core.internal.Suggest;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Runs a provider's create() over collecting settings, and reports what it found. */
final class ProviderCall {
  private ProviderCall() {
  }

  /**
   * The provider's object, or null when it reported a mistake. The settings collect the mistakes of the values
   * they parse and let create() read on; only when create() itself gave up are the keys it did not reach left
   * unjudged (not called unknown: they may be the ones it would have read next).
   */
  static <T extends AutoCloseable> T create(PropertySettings s, Problems problems, Set<String> secrets,
      Supplier<T> create) {
    T made = null;
    boolean finished = false;
    try {
      made = create.get();
      finished = true;
    } catch (ConfigException e) {
      problems.add(e);
    } catch (RuntimeException e) {
      if (s.problems().isEmpty()) {
        throw e;
      } // else it tripped over a default answered in place of a bad value: the recorded mistake says what to fix
    }
    s.problems().forEach(problems::add);
    if (finished) {
      for (String unread : s.unreadKeys()) {
        problems.add(s.prefix() + unread, "unknown key" + Suggest.hint(unread, s.readKeys())
            + "; this provider reads " + new TreeSet<>(s.readKeys()));
      }
    }
    s.secretKeys().forEach(k -> secrets.add(s.prefix() + k));
    if (made != null && !s.problems().isEmpty()) {
      closeQuietly(made);
      return null;
    }
    return made;
  }

  static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ex) {
      org.slf4j.LoggerFactory.getLogger(Components.class).warn("closing {}: {}", c.getClass().getSimpleName(),
          Secrets.maskUrls(String.valueOf(ex.getMessage())));
    }
  }
}
