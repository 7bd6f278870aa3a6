package dev.bugle.testkit.consul;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Blocking queries, after {@code website/content/api-docs/features/blocking.mdx} and {@code agent/http.go}
 * ({@code parseWait}): {@code ?index=N&wait=D} waits until the result's index passes N or D ends (default 5m,
 * at most 10m, plus up to D/16 of jitter); no index, or 0, answers at once.
 */
final class Blocking {
  static final long DEFAULT_WAIT_NANOS = 300_000_000_000L;
  static final long MAX_WAIT_NANOS = 600_000_000_000L;

  private Blocking() {
  }

  /** Answers {@code read} once {@code watch} passes the request's index, or at the end of its wait. */
  static <T> T run(ConsulStore store, HttpCall call, LongSupplier watch, Supplier<T> read)
      throws InterruptedException {
    long wait = 0;
    long minIndex = 0;
    if (!call.param("wait").isEmpty()) {
      try {
        wait = GoDuration.parse(call.param("wait"));
      } catch (IllegalArgumentException e) {
        throw ConsulError.badRequest("Invalid wait time");
      }
    }
    if (!call.param("index").isEmpty()) {
      try {
        minIndex = Long.parseUnsignedLong(call.param("index"));
      } catch (NumberFormatException e) {
        throw ConsulError.badRequest("Invalid index");
      }
    }
    if (minIndex == 0) {
      return read.get();
    }
    long timeout = wait <= 0 ? DEFAULT_WAIT_NANOS : Math.min(wait, MAX_WAIT_NANOS);
    timeout += ThreadLocalRandom.current().nextLong(timeout / 16 + 1);
    return store.await(minIndex, timeout, watch, read);
  }
}
