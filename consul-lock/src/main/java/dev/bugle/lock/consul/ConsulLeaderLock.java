package dev.bugle.lock.consul;

import dev.bugle.core.LockException;
import dev.bugle.lock.consul.internal.ConsulApi;
import dev.bugle.lock.consul.internal.ConsulInspector;
import dev.bugle.lock.consul.internal.Holder;
import dev.bugle.lock.consul.internal.KeyState;
import dev.bugle.lock.consul.internal.LeaseState;
import dev.bugle.lock.consul.internal.Waits;
import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.Lease;
import dev.bugle.spi.LockStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The leader lock on a Consul KV key, as Consul's {@code api/lock.go} recipe does it: a session with
 * Behavior=release, TTL and LockDelay; {@code PUT ?acquire}; standbys block on the key's index; a refused
 * acquire of a free key means a lock-delay is running, and is retried when it should have ended.
 */
public final class ConsulLeaderLock implements LeaderLock {
  private final ConsulLockSettings settings;
  private final LongSupplier ticker;
  private String value;
  private final Set<ConsulLease> leases = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private ConsulApi api;

  /** A lock on {@code settings}, with {@code ticker} (nanoseconds, monotonic) for lease deadlines. */
  public ConsulLeaderLock(ConsulLockSettings settings, LongSupplier ticker) {
    this.settings = settings;
    this.ticker = ticker;
  }

  @Override
  public Optional<Lease> acquire(Duration maxWait) throws InterruptedException {
    try {
      ConsulApi consul = api();
      return new Standby(consul, ticker, () -> closed, () -> tryAcquire(consul), maxWait).run();
    } catch (LockException e) {
      if (closed) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** One attempt: a new session, {@code ?acquire}, then a consistent read for the fencing token. */
  private Optional<Lease> tryAcquire(ConsulApi consul) {
    long sent = ticker.getAsLong();
    String session = consul.createSession("bugle " + settings.key());
    try {
      if (consul.acquire(session, value)) {
        KeyState mine = consul.read(0, Duration.ZERO);
        if (mine.heldBy(session)) {
          LeaseState state = new LeaseState(ticker, settings.ttl().toNanos(), sent);
          ConsulLease lease = new ConsulLease(consul, new ConsulLease.Acquired(session, value, mine.modifyIndex()),
              state, ticker, leases::remove);
          leases.add(lease);
          lease.start();
          if (closed) { // close() ran meanwhile and did not see this lease
            lease.close();
            return Optional.empty();
          }
          return Optional.of(lease);
        }
      }
    } catch (RuntimeException e) {
      destroyQuietly(consul, session);
      throw e;
    }
    destroyQuietly(consul, session);
    return Optional.empty();
  }

  /**
   * A consistent read of the lock key and its checkpoints: the holder (host, pid, session), its fencing token
   * and the checkpoints. No session, no lock, no write; an unreachable Consul (or a closed lock) is a value.
   */
  @Override
  public LockStatus inspect() {
    try {
      return ConsulInspector.inspect(api());
    } catch (LockException e) {
      return LockStatus.unreachable(e.getMessage());
    }
  }

  private static void destroyQuietly(ConsulApi consul, String session) {
    try {
      consul.destroy(session);
    } catch (RuntimeException e) {
      // the session dies by its TTL
    }
  }

  /** Pause records at {@code KEY/controls}, read and written without a session. */
  @Override
  public Optional<dev.bugle.spi.Controls> controls() {
    return Optional.of(new dev.bugle.lock.consul.internal.ConsulControls(api()));
  }

  private synchronized ConsulApi api() {
    if (closed) {
      throw new LockException("the Consul lock on " + settings.key() + " is closed");
    }
    if (api == null) {
      // The value names the holder for operators; computed here: create() must not touch the network.
      value = Holder.value(Waits.host(), ProcessHandle.current().pid());
      api = new ConsulApi(settings);
    }
    return api;
  }

  /** Releases every lease (fast handover), stops their threads, and cancels calls in flight. */
  @Override
  public void close() {
    ConsulApi toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = api;
    }
    List.copyOf(leases).forEach(ConsulLease::close);
    if (toClose != null) {
      toClose.close();
    }
  }

  ConsulLockSettings settings() {
    return settings;
  }
}
