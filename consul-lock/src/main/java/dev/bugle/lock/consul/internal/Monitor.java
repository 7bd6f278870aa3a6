package dev.bugle.lock.consul.internal;

import dev.bugle.core.LockException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the lock key with consistent blocking reads, as Consul's {@code api/lock.go} monitorLock does: a
 * missing key, or a Session other than ours, is a loss at once. After a failed read it reads once without
 * blocking, so a Consul that restarted with its data (and index) lost is noticed at once.
 */
public final class Monitor implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);
  static final Duration WAIT = Duration.ofSeconds(30);
  private final ConsulApi api;
  private final String session;
  private final LeaseState state;
  private final Thread thread;
  private long index;

  public Monitor(ConsulApi api, String session, LeaseState state, long startIndex) {
    this.api = api;
    this.session = session;
    this.state = state;
    this.index = startIndex;
    this.thread = new Thread(this, "bugle-consul-monitor");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  @Override
  public void run() {
    long backoffMillis = 100;
    while (!state.done()) {
      try {
        KeyState key = api.read(index, WAIT);
        backoffMillis = 100;
        if (state.done()) {
          return;
        }
        if (!key.exists()) {
          state.lose("the lock key " + api.settings().key() + " was deleted");
        } else if (!key.heldBy(session)) {
          state.lose("the lock key " + api.settings().key() + " is now "
              + (key.free() ? "free (session " + session + " was invalidated)" : "held by session " + key.session()));
        }
        index = key.index() < index ? 0 : key.index();
      } catch (LockException e) {
        if (state.done()) {
          return;
        }
        LOG.debug("monitor read failed, retrying: {}", e.getMessage());
        // Consul may have come back empty (data lost, index restarted low): a blocking read on our old index
        // would wait out its whole wait there, so look once without blocking.
        index = 0;
        if (!pause(backoffMillis)) {
          return;
        }
        backoffMillis = Math.min(backoffMillis * 2, 1000);
      }
    }
  }

  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public void stop() {
    thread.interrupt();
  }
}
