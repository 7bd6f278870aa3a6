package dev.bugle.lock.consul.internal;

import dev.bugle.core.LockException;
import dev.bugle.core.Secrets;
import dev.bugle.lock.consul.ConsulLockSettings;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.kiwiproject.consul.Consul;
import org.kiwiproject.consul.ConsulException;
import org.kiwiproject.consul.KeyValueClient;
import org.kiwiproject.consul.SessionClient;
import org.kiwiproject.consul.model.ConsulResponse;
import org.kiwiproject.consul.model.kv.Value;
import org.kiwiproject.consul.model.session.ImmutableSession;
import org.kiwiproject.consul.option.ConsistencyMode;
import org.kiwiproject.consul.option.ImmutableQueryOptions;
import org.kiwiproject.consul.option.QueryOptions;

/**
 * The few Consul calls the lock makes, over the kiwiproject client. Every failure to talk to Consul becomes a
 * {@link LockException} whose message names the address (password masked) and never the token.
 */
public final class ConsulApi implements AutoCloseable {
  private final ConsulLockSettings settings;
  private final Consul consul;
  private final KeyValueClient kv;
  private final SessionClient sessions;
  private final ExecutorService waiter = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "bugle-consul-standby");
    t.setDaemon(true);
    return t;
  });

  public ConsulApi(ConsulLockSettings settings) {
    this.settings = settings;
    Consul.Builder b = Consul.builder()
        .withUrl(settings.address().toString())
        .withPing(false)
        .withConnectTimeoutMillis(settings.connectTimeout().toMillis())
        .withReadTimeoutMillis(settings.readTimeout().toMillis())
        .withWriteTimeoutMillis(settings.readTimeout().toMillis());
    if (settings.token() != null) {
      b.withAclToken(settings.token());
    }
    this.consul = b.build();
    this.kv = consul.keyValueClient();
    this.sessions = consul.sessionClient();
  }

  /** A new session with Behavior=release, the TTL and the lock-delay; returns its id. */
  public String createSession(String name) {
    ImmutableSession session = ImmutableSession.builder()
        .name(name)
        .behavior("release")
        .ttl(goDuration(settings.ttl()))
        .lockDelay(goDuration(settings.lockDelay()))
        .build();
    return call("create a session", () -> sessions.createSession(session).getId());
  }

  /** {@code 15s}, or {@code 1500ms} when not whole seconds: a form Go's time.ParseDuration reads. */
  static String goDuration(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  /** True when renewed; false when Consul no longer knows the session (404): the lease is gone. */
  public boolean renew(String session) {
    try {
      sessions.renewSession(session);
      return true;
    } catch (ConsulException e) {
      if (e.hasCode() && e.getCode() == 404) {
        return false;
      }
      throw failure("renew the session", e);
    }
  }

  public void destroy(String session) {
    call("destroy the session", () -> {
      sessions.destroySession(session);
      return null;
    });
  }

  public boolean acquire(String session, String value) {
    return call("acquire " + settings.key(), () -> kv.acquireLock(settings.key(), value, session));
  }

  public boolean release(String session, String value) {
    return call("release " + settings.key(), () -> kv.releaseLock(settings.key(), value, session));
  }

  /** A consistent read of the lock key; with {@code index > 0} it blocks up to {@code wait} (whole seconds). */
  public KeyState read(long index, Duration wait) {
    ImmutableQueryOptions.Builder q = ImmutableQueryOptions.builder().consistencyMode(ConsistencyMode.CONSISTENT);
    if (index > 0) {
      q.index(BigInteger.valueOf(index)).wait(Math.max(1, wait.toSeconds()) + "s");
    }
    QueryOptions options = q.build();
    Optional<ConsulResponse<Value>> r = call("read " + settings.key(),
        () -> kv.getConsulResponseWithValue(settings.key(), options));
    if (r.isEmpty()) {
      return new KeyState(false, null, null, 0, 0);
    }
    Value v = r.get().getResponse();
    return new KeyState(true, v.getSession().orElse(null), v.getValueAsString().orElse(null), v.getModifyIndex(),
        r.get().getIndex().longValue());
  }

  /**
   * {@link #read} with {@code index > 0} on a helper thread, so that an interrupt (Bugle's stop() while in
   * standby) ends the wait at once: a blocked socket read is not interruptible. An abandoned read ends by its
   * wait, or at once by {@link #close()}.
   */
  public KeyState readInterruptibly(long index, Duration wait) throws InterruptedException {
    Future<KeyState> read = waiter.submit(() -> read(index, wait));
    try {
      return read.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new LockException("blocking read of " + settings.key() + " failed", e.getCause());
    } catch (InterruptedException e) {
      read.cancel(true);
      throw e;
    }
  }

  /** The raw client, for the checkpoint transaction. */
  KeyValueClient kv() {
    return kv;
  }

  public ConsulLockSettings settings() {
    return settings;
  }

  <T> T call(String what, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw failure(what, e);
    }
  }

  LockException failure(String what, RuntimeException e) {
    String detail = e instanceof ConsulException c && c.hasCode() ? "HTTP " + c.getCode() : String.valueOf(
        e.getCause() != null ? e.getCause() : e);
    return new LockException("cannot " + what + " at Consul " + Secrets.maskUrls(settings.address().toString())
        + ": " + Secrets.maskUrls(detail), e);
  }

  /** Cancels every call in flight and frees the connections. */
  @Override
  public void close() {
    waiter.shutdownNow();
    consul.destroy();
  }
}
