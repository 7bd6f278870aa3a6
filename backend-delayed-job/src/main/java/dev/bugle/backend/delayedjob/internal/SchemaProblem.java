package dev.bugle.backend.delayedjob.internal;

import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;

/**
 * A table that is missing or not delayed_job's (or Bugle's guard): retrying cannot fix it, a migration or a setting
 * can. At start-up it is a {@link ConfigException} naming {@link #key()}; at an enqueue a permanent
 * {@link EnqueueException}.
 */
final class SchemaProblem extends RuntimeException {
  private final String key;

  SchemaProblem(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /** The full key of the setting to check ({@code bugle.enqueuer.NAME.table}). */
  String key() {
    return key;
  }

  ConfigException atStartUp() {
    return new ConfigException(key, getMessage(), this);
  }

  EnqueueException atEnqueue() {
    return new EnqueueException(getMessage(), getCause(), false);
  }
}
