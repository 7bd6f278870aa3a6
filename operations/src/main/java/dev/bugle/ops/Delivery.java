package dev.bugle.ops;

import dev.bugle.spi.Enqueuer;

/** What an enqueuer promises about a fire sent twice; {@code bugle check}, the API and the page all say it so. */
public final class Delivery {
  private Delivery() {
  }

  /** True when the backend drops a second job with the same fire id ({@link Enqueuer#deduplicates()}). */
  public static boolean exactlyOnce(Enqueuer enqueuer) {
    return enqueuer.deduplicates();
  }

  /** {@code exactly once, fire ids kept 24h (dedupe-ttl)} or {@code at-least-once}. */
  public static String describe(Enqueuer enqueuer) {
    return !exactlyOnce(enqueuer) ? "at-least-once"
        : "exactly once" + enqueuer.dedupeRetention().map(r -> ", fire ids kept " + r.describe()).orElse("");
  }
}
