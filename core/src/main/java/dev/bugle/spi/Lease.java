package dev.bugle.spi;

/**
 * Ownership of a {@link LeaderLock}. It ends by {@link #close()} (a clean release, for a fast handover) or
 * by loss (the lock service expired or took it, or ownership can no longer be proven).
 */
public interface Lease extends AutoCloseable {

  /**
   * False as soon as ownership is in doubt, judged on the monotonic clock: for example past the local
   * deadline of the last successful renew, even if the lock service cannot be reached to say so. The
   * scheduler checks it before every enqueue. Once false it never turns true again.
   */
  boolean isValid();

  /** Strictly greater for each new holder than for every holder before it. */
  long fencingToken();

  /**
   * Runs {@code action} once, promptly, on a lock-owned thread, when ownership ends without {@link #close()}.
   * If the lease is already lost, runs it at once.
   */
  void onLost(Runnable action);

  /** The last fire of each schedule, stored with the lock and written only while this lease is valid. */
  Checkpoints checkpoints();

  /** Releases the lock so that a standby can take over at once. Idempotent; never runs the onLost action. */
  @Override
  void close();
}
