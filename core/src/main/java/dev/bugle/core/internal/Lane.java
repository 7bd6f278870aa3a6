package dev.bugle.core.internal;

import dev.bugle.spi.Enqueuer;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One enqueuer's send lane: the planner hands it the fires due for that enqueuer and goes on, so that a slow or
 * dead backend holds up only its own fires. Fires handed over while a send is in flight are coalesced into the
 * next {@code enqueueAll}. A lane checks the lease right before each send; what it did not send because the
 * lease was gone comes back as {@link Dispatcher.Result#notSent()}. Results go to {@code results}, from the
 * lane's thread.
 *
 * <p>A lane made by {@link #inline} sends on the caller's thread, for tests driven by a settable clock.
 */
final class Lane {
  private final String name;
  private volatile Enqueuer enqueuer;
  private final Dispatcher dispatcher;
  private final InstantSource clock;
  private final BooleanSupplier mayCommence;
  private final Consumer<Dispatcher.Result> results;
  private final ExecutorService executor; // null: inline
  private final Object lock = new Object();
  private List<PendingFire> pending = new ArrayList<>();
  private boolean draining;

  private Lane(String name, Enqueuer enqueuer, Dispatcher dispatcher, InstantSource clock,
      BooleanSupplier mayCommence, Consumer<Dispatcher.Result> results, boolean threaded) {
    this.name = name;
    this.enqueuer = enqueuer;
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.mayCommence = mayCommence;
    this.results = results;
    this.executor = threaded ? Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "bugle-lane-" + name);
      t.setDaemon(true);
      return t;
    }) : null;
  }

  static Lane threaded(String name, Enqueuer enqueuer, Dispatcher dispatcher, InstantSource clock,
      BooleanSupplier mayCommence, Consumer<Dispatcher.Result> results) {
    return new Lane(name, enqueuer, dispatcher, clock, mayCommence, results, true);
  }

  static Lane inline(String name, Enqueuer enqueuer, Dispatcher dispatcher, InstantSource clock,
      BooleanSupplier mayCommence, Consumer<Dispatcher.Result> results) {
    return new Lane(name, enqueuer, dispatcher, clock, mayCommence, results, false);
  }

  void submit(List<PendingFire> fires) {
    synchronized (lock) {
      pending.addAll(fires);
      if (draining) {
        return;
      }
      draining = true;
    }
    if (executor == null) {
      drain();
      return;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) { // closed: the node is stopping; the fires are not sent
      results.accept(Dispatcher.Result.notSent(takeAll(), clock.instant()));
    }
  }

  /** Sends the next batches through {@code next} (a reload replaced the enqueuer); one in flight completes. */
  void use(Enqueuer next) {
    enqueuer = next;
  }

  private void drain() {
    while (true) {
      List<PendingFire> batch;
      synchronized (lock) {
        if (pending.isEmpty()) {
          draining = false;
          return;
        }
        batch = pending;
        pending = new ArrayList<>();
      }
      if (!mayCommence.getAsBoolean()) {
        results.accept(Dispatcher.Result.notSent(batch, clock.instant()));
      } else {
        results.accept(dispatcher.send(name, enqueuer, batch));
      }
    }
  }

  private List<PendingFire> takeAll() {
    synchronized (lock) {
      List<PendingFire> all = pending;
      pending = new ArrayList<>();
      draining = false;
      return all;
    }
  }

  /** Takes no more sends; one in flight goes on until {@link #awaitClosed}. */
  void beginClose() {
    if (executor != null) {
      executor.shutdown();
    }
  }

  /**
   * Waits until {@code deadlineNanos} ({@link System#nanoTime()}) for a send in flight to be acknowledged, then
   * stops the lane's thread (a send still hanging is abandoned: its fire is not committed, so the next leader
   * sends it again with its id). Returns false when a send was abandoned.
   */
  boolean awaitClosed(long deadlineNanos) {
    if (executor == null) {
      return true;
    }
    try {
      long left = Math.max(1, deadlineNanos - System.nanoTime());
      if (executor.awaitTermination(left, TimeUnit.NANOSECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
    return false;
  }

  String name() {
    return name;
  }
}
