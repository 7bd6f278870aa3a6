package dev.bugle.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs named steps at once, each on its own daemon thread, so that one backend that hangs neither delays the
 * others nor keeps the JVM from exiting: {@link #awaitAll} waits for every step (interruptibly), {@link #within}
 * waits at most a shared bound and names the steps still running then, which are left to finish on their own.
 */
public final class Concurrently {
  private final Map<String, CompletableFuture<Void>> running = new LinkedHashMap<>();

  private Concurrently() {
  }

  /** Starts every step now, on a daemon thread named {@code threadPrefix + name}. */
  public static Concurrently start(String threadPrefix, Map<String, Runnable> steps) {
    Concurrently c = new Concurrently();
    steps.forEach((name, step) -> {
      CompletableFuture<Void> done = new CompletableFuture<>();
      Thread t = new Thread(() -> {
        try {
          step.run();
          done.complete(null);
        } catch (Throwable e) {
          done.completeExceptionally(e);
        }
      }, threadPrefix + name);
      t.setDaemon(true);
      c.running.put(name, done);
      t.start();
    });
    return c;
  }

  /**
   * Waits for every step; returns what each threw (in the steps' order, only those that threw). An interrupt
   * ends the wait at once and leaves the steps running.
   */
  public Map<String, Throwable> awaitAll() throws InterruptedException {
    Map<String, Throwable> failed = new LinkedHashMap<>();
    for (Map.Entry<String, CompletableFuture<Void>> e : running.entrySet()) {
      try {
        e.getValue().get();
      } catch (ExecutionException ex) {
        failed.put(e.getKey(), ex.getCause());
      }
    }
    return failed;
  }

  /**
   * Waits until every step has ended or {@code bound} has passed, whichever is first; {@code failed} receives
   * what the steps that ended threw. Returns the names of the steps still running. An interrupt ends the wait
   * (the flag is kept) and counts every unfinished step as still running.
   */
  public List<String> within(Duration bound, Map<String, Throwable> failed) {
    long deadline = System.nanoTime() + bound.toNanos();
    List<String> late = new ArrayList<>();
    boolean interrupted = false;
    for (Map.Entry<String, CompletableFuture<Void>> e : running.entrySet()) {
      try {
        if (interrupted) {
          e.getValue().getNow(null);
        } else {
          e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        if (!e.getValue().isDone()) {
          late.add(e.getKey());
        }
      } catch (ExecutionException | java.util.concurrent.CompletionException ex) {
        failed.put(e.getKey(), ex.getCause());
      } catch (TimeoutException ex) {
        late.add(e.getKey());
      } catch (InterruptedException ex) {
        interrupted = true;
        late.add(e.getKey());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return late;
  }
}
