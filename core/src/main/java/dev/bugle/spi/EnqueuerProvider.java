package dev.bugle.spi;

/**
 * Makes {@link Enqueuer}s of one type, found with {@link java.util.ServiceLoader} and chosen by
 * {@code bugle.enqueuer.NAME.type=TYPE}. List the implementation in
 * {@code META-INF/services/dev.bugle.spi.EnqueuerProvider}.
 */
public interface EnqueuerProvider {

  /** The type name users write, such as {@code sidekiq} or {@code celery}: lowercase, digits and dashes. */
  String type();

  /**
   * Reads and validates every setting (a {@link dev.bugle.core.ConfigException} names the bad key) and
   * returns an enqueuer that has not connected yet: it connects on first use.
   */
  Enqueuer create(Settings settings);
}
