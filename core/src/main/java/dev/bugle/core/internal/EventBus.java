package dev.bugle.core.internal;

import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.FireEvent;
import dev.bugle.core.event.SchedulePlanned;
import dev.bugle.core.event.StateChange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to every registered {@link BugleListener}, in order, on one daemon thread of its own, so that
 * whoever emits (the planner, a send lane) never waits for a listener. A listener that throws is logged and
 * keeps receiving. The queue is bounded: past {@link #CAPACITY} undelivered events new ones are dropped and
 * counted, so a wedged listener cannot exhaust the heap. {@link #direct()} delivers on the caller's thread, for
 * tests and tools that need no thread.
 */
public final class EventBus implements BugleListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
  static final int CAPACITY = 1_000_000;

  private final List<BugleListener> listeners = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Consumer<BugleListener>> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final Thread thread;
  private volatile boolean closed;

  private EventBus(boolean async) {
    queue = async ? new LinkedBlockingQueue<>(CAPACITY) : null;
    thread = async ? new Thread(this::deliverLoop, "bugle-events") : null;
    if (thread != null) {
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** A bus with its own delivery thread. */
  public static EventBus async() {
    return new EventBus(true);
  }

  /** A bus that delivers on the emitting thread. */
  public static EventBus direct() {
    return new EventBus(false);
  }

  public void add(BugleListener listener) {
    listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void onStateChange(StateChange change) {
    emit(l -> l.onStateChange(change));
  }

  @Override
  public void onFire(FireEvent fire) {
    emit(l -> l.onFire(fire));
  }

  @Override
  public void onPlanned(SchedulePlanned planned) {
    emit(l -> l.onPlanned(planned));
  }

  @Override
  public void onReload(dev.bugle.core.event.ReloadEvent reload) {
    emit(l -> l.onReload(reload));
  }

  private void emit(Consumer<BugleListener> event) {
    if (queue == null) {
      deliver(event);
    } else if (closed || !queue.offer(event)) {
      long n = dropped.incrementAndGet();
      if (Long.bitCount(n) == 1) { // 1, 2, 4, 8, ...: a line now and then, not one per event
        LOG.warn("{} event(s) dropped: the listeners do not keep up (or the node is stopping)", n);
      }
    }
  }

  private void deliverLoop() {
    try {
      while (!closed || !queue.isEmpty()) {
        Consumer<BugleListener> e = queue.poll(200, TimeUnit.MILLISECONDS);
        if (e != null) {
          deliver(e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(Consumer<BugleListener> event) {
    for (BugleListener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("listener {} failed: {}", l.getClass().getName(), String.valueOf(e), e);
      }
    }
  }

  /** Delivers what is queued, waiting at most {@code bound}, then stops the thread. */
  public void close(Duration bound) {
    closed = true;
    if (thread != null) {
      try {
        thread.join(Math.max(1, bound.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        LOG.warn("{} event(s) not delivered within {} ms at stop", queue.size(), bound.toMillis());
        thread.interrupt();
      }
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(1));
  }
}
