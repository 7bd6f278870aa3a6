package dev.bugle.core.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * When the node's main loop last showed life, for a liveness probe. The planner ticks it on every turn (at
 * least once a second); a standby inside the lock's own wait counts as alive ({@link #waiting}).
 *
 * <p>Test hook: while the file named by the system property {@code bugle.test.stall-file} exists, {@link #tick}
 * blocks without ticking, so that a test can see a wedged loop. It is read once, at construction.
 */
public final class Heartbeat {
  private final LongSupplier ticker;
  private final Optional<Path> stallFile;
  private volatile long last;
  private volatile boolean waiting;

  public Heartbeat(LongSupplier ticker) {
    this.ticker = ticker;
    this.stallFile = Optional.ofNullable(System.getProperty("bugle.test.stall-file")).map(Path::of);
    this.last = ticker.getAsLong();
  }

  public void tick() {
    while (stallFile.isPresent() && Files.exists(stallFile.get())) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    last = ticker.getAsLong();
  }

  /** Marks the start or end of a wait inside the lock (a standby), which counts as alive. */
  public void waiting(boolean inLock) {
    waiting = inLock;
    last = ticker.getAsLong();
  }

  /** How long since the loop last ticked; zero while it waits inside the lock. */
  public Duration age() {
    return waiting ? Duration.ZERO : Duration.ofNanos(Math.max(0, ticker.getAsLong() - last));
  }
}
