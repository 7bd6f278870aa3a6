package dev.bugle.spring;

import dev.bugle.core.Bugle;
import dev.bugle.core.event.BugleListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the {@link Bugle} bean with the context and stops it with the context.
 *
 * <p>{@link #start()} registers every {@link BugleListener} bean and then calls {@link Bugle#start()}, which opens
 * the enqueuers (a permanent mistake fails the context's start-up with its {@code ConfigException}) and returns
 * while the node contends for the lock on its own thread. {@link #stop()} calls {@link Bugle#close()}: it stops
 * firing, releases the lock and waits for that (bounded, {@link Bugle#CLOSE_BOUND}), then closes the enqueuers and
 * the lock, so a standby takes over at once, before the JVM exits.
 *
 * <p>Its phase is {@link #PHASE}, the highest: it starts after every other lifecycle bean (the web server, message
 * listener containers) and stops before all of them, and before any bean without a lifecycle (a
 * {@code DataSource}, a connection factory it enqueues into) is destroyed, since Spring destroys beans only after
 * every lifecycle phase has stopped.
 */
public final class BugleLifecycle implements SmartLifecycle, DisposableBean {
  /** Stops first and starts last. */
  public static final int PHASE = Integer.MAX_VALUE;

  private final Bugle bugle;
  private final ObjectProvider<BugleListener> listeners;
  private volatile boolean running;
  private volatile boolean stopRequested;
  private boolean closed;

  /** The listeners are looked up at {@link #start()}, so that a listener bean may itself depend on the node. */
  public BugleLifecycle(Bugle bugle, ObjectProvider<BugleListener> listeners) {
    this.bugle = bugle;
    this.listeners = listeners;
  }

  @Override
  public synchronized void start() {
    if (running || closed) {
      return;
    }
    listeners.orderedStream().forEach(bugle::addListener);
    bugle.start();
    running = true;
  }

  @Override
  public void stop() {
    stopRequested = true;
    synchronized (this) {
      closeOnce();
      running = false;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /** True once the context asked the node to stop (a stopped node is then expected, not a failure). */
  public boolean stopRequested() {
    return stopRequested;
  }

  /** Closes the node if the context never started or stopped it (a start-up that failed after it was built). */
  @Override
  public synchronized void destroy() {
    stopRequested = true;
    closeOnce();
  }

  private void closeOnce() {
    if (!closed) {
      closed = true;
      bugle.close();
    }
  }
}
