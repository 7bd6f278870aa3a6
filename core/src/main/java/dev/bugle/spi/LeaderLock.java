package dev.bugle.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * The right to fire, held by at most one Bugle at a time. Like ShedLock's {@code LockProvider}, losing the
 * race is a value, not an exception.
 */
public interface LeaderLock extends AutoCloseable {

  /**
   * Waits up to {@code maxWait} for the lock. {@link Duration#ZERO} makes one attempt. An empty result means
   * somebody else held it the whole time. A {@link dev.bugle.core.LockException} means the lock service
   * itself failed.
   */
  Optional<Lease> acquire(Duration maxWait) throws InterruptedException;

  /**
   * Reads the lock's store now without taking the lock or changing anything: the holder, its fencing token and
   * the checkpoints. Does I/O; never throws for an unreachable store (it returns
   * {@link LockStatus#unreachable}). The default says only that this lock cannot tell.
   */
  default LockStatus inspect() {
    return LockStatus.unreachable("this lock type cannot be inspected");
  }

  /**
   * The run-time controls (paused schedules) kept in this lock's store, readable and writable without holding
   * the lock; empty when this lock type keeps none (then pause and resume are refused).
   */
  default java.util.Optional<Controls> controls() {
    return java.util.Optional.empty();
  }

  /** Releases any lease still held and every resource. */
  @Override
  void close();
}
