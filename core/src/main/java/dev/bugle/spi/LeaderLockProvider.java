package dev.bugle.spi;

/**
 * Makes {@link LeaderLock}s of one type, found with {@link java.util.ServiceLoader} and chosen by
 * {@code bugle.lock=TYPE}; settings come from {@code bugle.lock.TYPE.*}. List the implementation in
 * {@code META-INF/services/dev.bugle.spi.LeaderLockProvider}.
 */
public interface LeaderLockProvider {

  /** The type name users write, such as {@code local} or {@code consul}. */
  String type();

  /** Reads and validates every setting; must not connect (connect in {@link LeaderLock#acquire}). */
  LeaderLock create(Settings settings);
}
