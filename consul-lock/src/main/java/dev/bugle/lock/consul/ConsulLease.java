package dev.bugle.lock.consul;

import dev.bugle.lock.consul.internal.ConsulApi;
import dev.bugle.lock.consul.internal.ConsulCheckpoints;
import dev.bugle.lock.consul.internal.LeaseState;
import dev.bugle.lock.consul.internal.Monitor;
import dev.bugle.lock.consul.internal.Renewer;
import dev.bugle.spi.Checkpoints;
import dev.bugle.spi.Lease;
import dev.bugle.core.Secrets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ownership of the Consul lock key through one session, renewed and watched until closed or lost. */
final class ConsulLease implements Lease {
  private static final Logger LOG = LoggerFactory.getLogger(ConsulLease.class);
  /** How long {@link #close()} waits for the release and the session's destroy together. */
  static final Duration RELEASE_BOUND = Duration.ofSeconds(1);
  private final ConsulApi api;
  private final String session;
  private final String value;
  private final long fencingToken;
  private final LeaseState state;
  private final Renewer renewer;
  private final Monitor monitor;
  private final Checkpoints checkpoints;
  private final Consumer<ConsulLease> onClose;

  ConsulLease(ConsulApi api, Acquired acquired, LeaseState state, java.util.function.LongSupplier ticker,
      Consumer<ConsulLease> onClose) {
    this.api = api;
    this.session = acquired.session();
    this.value = acquired.value();
    this.fencingToken = acquired.modifyIndex();
    this.state = state;
    this.onClose = onClose;
    this.renewer = new Renewer(api, session, state, ticker, api.settings().ttl());
    this.monitor = new Monitor(api, session, state, acquired.modifyIndex());
    this.checkpoints = new ConsulCheckpoints(api, session, state);
  }

  /** What a successful acquire left: our session, the value written, the key's ModifyIndex after it. */
  record Acquired(String session, String value, long modifyIndex) {
  }

  void start() {
    renewer.start();
    monitor.start();
  }

  @Override
  public boolean isValid() {
    return state.isValid();
  }

  /** The lock key's ModifyIndex read right after acquiring: every later acquire is a later write. */
  @Override
  public long fencingToken() {
    return fencingToken;
  }

  @Override
  public void onLost(Runnable action) {
    state.onLost(action);
  }

  @Override
  public Checkpoints checkpoints() {
    return checkpoints;
  }

  String sessionId() {
    return session;
  }

  /**
   * Releases the key first (a release starts no lock-delay, so a standby takes over at once), then destroys
   * the session, both on a daemon thread and for at most {@link #RELEASE_BOUND} together, so that a stop ends
   * quickly with Consul unreachable or hung; the session then dies by its TTL.
   */
  @Override
  public void close() {
    boolean held = state.isValid();
    if (!state.close()) {
      return;
    }
    renewer.stop();
    CompletableFuture<Boolean> released = new CompletableFuture<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        if (held) {
          api.release(session, value);
        }
        released.complete(true);
        api.destroy(session);
        done.complete(null);
      } catch (RuntimeException e) {
        released.completeExceptionally(e);
        done.completeExceptionally(e);
      }
    }, "bugle-consul-release");
    t.setDaemon(true);
    t.start();
    String why = awaitQuietly(done);
    if (why != null) {
      if (held && !(released.isDone() && !released.isCompletedExceptionally())) {
        LOG.warn("could not release the lock: {}; a standby takes over after the TTL", why);
      } else {
        LOG.warn("could not destroy session {}: {}", session, why);
      }
    }
    monitor.stop();
    onClose.accept(this);
  }

  /** Null once {@code f} completed normally within the bound, else why not. */
  private String awaitQuietly(CompletableFuture<?> f) {
    try {
      f.get(RELEASE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause().getMessage();
    } catch (TimeoutException e) {
      return "Consul at " + Secrets.maskUrls(api.settings().address().toString()) + " did not answer within "
          + RELEASE_BOUND.toMillis() + "ms";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
