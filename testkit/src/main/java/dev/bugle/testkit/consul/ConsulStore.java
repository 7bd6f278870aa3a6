package dev.bugle.testkit.consul;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The emulator's whole state behind one monitor: one raft-like index that every write advances, the sessions
 * and the KV table. Blocking reads wait on the monitor and are woken by every write.
 */
public final class ConsulStore {
  private final LongSupplier ticker;
  private final long minTtlNanos;
  private final String node;
  private final KvTable kv = new KvTable();
  private final SessionTable sessions = new SessionTable();
  private final Txn txn = new Txn(kv, sessions);
  private long index = 1;

  ConsulStore(EmulatorOptions options) {
    this.ticker = options.ticker();
    this.minTtlNanos = options.minSessionTtl().toNanos();
    this.node = options.nodeName();
  }

  /** The current index (the last write's). */
  public synchronized long index() {
    return index;
  }

  public String node() {
    return node;
  }

  synchronized String createSession(JsonNode body) {
    SessionEntry s = SessionRequest.parse(body, node, minTtlNanos, index + 1);
    index++;
    sessions.add(s, ticker.getAsLong());
    notifyAll();
    return s.id();
  }

  /** Resets the session's TTL timer; null when it does not exist. */
  synchronized SessionEntry renewSession(String id) {
    return sessions.renew(id, ticker.getAsLong());
  }

  /**
   * Invalidates a session as a destroy, a TTL expiry or a failed health check does: its keys are released (or
   * deleted) and their lock-delay starts. False when there was no such session.
   */
  public synchronized boolean invalidateSession(String id) {
    long idx = index + 1;
    SessionEntry s = sessions.remove(id, idx);
    if (s == null) {
      return false;
    }
    index = idx;
    kv.invalidate(idx, s, ticker.getAsLong());
    notifyAll();
    return true;
  }

  /** Invalidates every session whose TTL timer ran out; the emulator's sweeper calls it. */
  public synchronized void expireSessions() {
    sessions.expired(ticker.getAsLong()).forEach(this::invalidateSession);
  }

  synchronized Indexed<SessionEntry> sessionInfo(String id) {
    return new Indexed<>(sessions.tableIndex(), sessions.get(id));
  }

  synchronized Indexed<List<SessionEntry>> sessionList() {
    return new Indexed<>(sessions.tableIndex(), sessions.all());
  }

  synchronized long sessionsIndex() {
    return sessions.tableIndex();
  }

  /** One key; the index is its ModifyIndex, or the table's when it is missing (Consul's KVS.Get). */
  public synchronized Indexed<KvEntry> kvGet(String key) {
    KvEntry e = kv.get(key);
    return new Indexed<>(e != null ? e.modifyIndex() : kv.tableIndex(), e);
  }

  synchronized Indexed<List<KvEntry>> kvList(String prefix) {
    return new Indexed<>(listIndex(prefix), kv.list(prefix));
  }

  synchronized Indexed<List<String>> kvKeys(String prefix, String separator) {
    return new Indexed<>(listIndex(prefix), kv.keys(prefix, separator));
  }

  synchronized long keyWatchIndex(String key) {
    return kv.keyIndex(key);
  }

  synchronized long listIndex(String prefix) {
    long sub = prefix.isEmpty() ? kv.tableIndex() : kv.prefixIndex(prefix);
    return sub != 0 ? sub : kv.tableIndex();
  }

  /** A PUT; acquire checks lock-delay first, then the session, as Consul's KVS.Apply does. */
  synchronized boolean kvWrite(KvWrite w) {
    long idx = index + 1;
    boolean ok = switch (w.op()) {
      case SET -> {
        kv.set(idx, w.key(), w.value(), w.flags());
        yield true;
      }
      case CAS -> kv.cas(idx, w.key(), w.value(), w.flags(), w.casIndex());
      case LOCK -> !kv.lockDelayed(w.key(), ticker.getAsLong()) && checkSession(w.session())
          && kv.lock(idx, w.key(), w.value(), w.flags(), w.session());
      case UNLOCK -> checkSession(w.session()) && kv.unlock(idx, w.key(), w.value(), w.flags(), w.session());
    };
    return advanced(idx, ok);
  }

  synchronized boolean kvDelete(String key, boolean recurse, Long cas) {
    long idx = index + 1;
    boolean ok = true;
    if (recurse) {
      kv.deleteTree(idx, key);
    } else if (cas != null) {
      ok = kv.deleteCas(idx, key, cas);
    } else {
      kv.delete(idx, key);
    }
    return advanced(idx, ok);
  }

  synchronized Txn.Outcome txn(List<TxnOp> ops) {
    long idx = index + 1;
    Txn.Outcome out = txn.run(ops, idx, ticker.getAsLong());
    advanced(idx, !out.failed() && ops.stream().anyMatch(TxnOp::isWrite));
    return out;
  }

  /** Waits up to {@code waitNanos} (real time) until {@code watch} passes {@code minIndex}, then reads. */
  synchronized <T> T await(long minIndex, long waitNanos, LongSupplier watch, Supplier<T> read)
      throws InterruptedException {
    long deadline = System.nanoTime() + waitNanos;
    while (watch.getAsLong() <= minIndex) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return read.get();
  }

  private boolean checkSession(String session) {
    if (session == null || session.isEmpty()) {
      throw ConsulError.internal("missing session");
    }
    if (sessions.get(session) == null) {
      throw ConsulError.internal("invalid session " + Txn.quote(session));
    }
    return true;
  }

  private boolean advanced(long idx, boolean wrote) {
    if (wrote || kv.tableIndex() == idx) {
      index = idx;
      notifyAll();
    }
    return wrote;
  }
}
