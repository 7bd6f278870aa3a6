package dev.bugle.core.internal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Where the scheduler thread sleeps until its next fire, and what stop() and a lease loss wake it with. */
final class Wakeup {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private boolean signalled;

  /** Sleeps up to {@code nanos} or until {@link #signal()}; returns true when the thread was interrupted. */
  boolean sleep(long nanos) {
    lock.lock();
    try {
      long left = nanos;
      while (!signalled && left > 0) {
        left = wake.awaitNanos(left);
      }
      signalled = false;
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the sleeper now, or makes its next sleep return at once. */
  void signal() {
    lock.lock();
    try {
      signalled = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
