package dev.bugle.testkit.consul;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The KV table and its graveyard, after {@code agent/consul/state/kvs.go}. Not thread-safe: {@link ConsulStore}
 * calls it under its monitor and hands in the raft index of each write.
 */
final class KvTable {
  private static final long MAX_LOCK_DELAY_NANOS = 60_000_000_000L;
  private TreeMap<String, KvEntry> entries = new TreeMap<>();
  private TreeMap<String, Long> tombstones = new TreeMap<>();
  private final Map<String, Long> lockDelayUntil = new HashMap<>();
  private long tableIndex;

  KvEntry get(String key) {
    return entries.get(key);
  }

  List<KvEntry> list(String prefix) {
    return new ArrayList<>(entries.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values());
  }

  /** Key names under {@code prefix}, folded at the first {@code separator} after it (Consul's {@code ?keys}). */
  List<String> keys(String prefix, String separator) {
    TreeSet<String> out = new TreeSet<>();
    for (KvEntry e : list(prefix)) {
      String rest = e.key().substring(prefix.length());
      int cut = separator.isEmpty() ? -1 : rest.indexOf(separator);
      out.add(cut < 0 ? e.key() : prefix + rest.substring(0, cut + separator.length()));
    }
    return new ArrayList<>(out);
  }

  /** The index of the whole table and graveyard (Consul's {@code kvsMaxIndex}). */
  long tableIndex() {
    return tableIndex;
  }

  /** The highest index of any entry or tombstone under {@code prefix}; 0 when there is none. */
  long prefixIndex(String prefix) {
    long max = 0;
    for (KvEntry e : list(prefix)) {
      max = Math.max(max, e.modifyIndex());
    }
    for (long t : tombstones.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values()) {
      max = Math.max(max, t);
    }
    return max;
  }

  /** The index a watch on exactly {@code key} sees change: its entry or its tombstone. */
  long keyIndex(String key) {
    KvEntry e = entries.get(key);
    return Math.max(e == null ? 0 : e.modifyIndex(), tombstones.getOrDefault(key, 0L));
  }

  /** A plain set: keeps the lock (Session, LockIndex) and CreateIndex of an existing entry. */
  void set(long idx, String key, byte[] value, long flags) {
    KvEntry old = entries.get(key);
    put(idx, old == null ? new KvEntry(key, value, flags, null, 0, idx, idx) : old.withValue(value, flags, idx));
  }

  /** Check-and-set: index 0 creates only; otherwise the entry must exist with that ModifyIndex. */
  boolean cas(long idx, String key, byte[] value, long flags, long casIndex) {
    KvEntry old = entries.get(key);
    if (casIndex == 0 ? old != null : old == null || old.modifyIndex() != casIndex) {
      return false;
    }
    set(idx, key, value, flags);
    return true;
  }

  /** {@code ?acquire}: the caller has already checked the lock-delay and that the session exists. */
  boolean lock(long idx, String key, byte[] value, long flags, String session) {
    KvEntry old = entries.get(key);
    if (old != null && old.session() != null && !old.session().equals(session)) {
      return false;
    }
    if (old == null) {
      put(idx, new KvEntry(key, value, flags, session, 1, idx, idx));
    } else if (session.equals(old.session())) {
      put(idx, old.withValue(value, flags, idx));
    } else {
      put(idx, old.withValue(value, flags, idx).withSession(session, old.lockIndex() + 1, idx));
    }
    return true;
  }

  /** {@code ?release}: only the holder releases; LockIndex is kept and no lock-delay starts. */
  boolean unlock(long idx, String key, byte[] value, long flags, String session) {
    KvEntry old = entries.get(key);
    if (old == null || !session.equals(old.session())) {
      return false;
    }
    put(idx, old.withValue(value, flags, idx).withSession(null, old.lockIndex(), idx));
    return true;
  }

  boolean lockDelayed(String key, long now) {
    Long until = lockDelayUntil.get(key);
    return until != null && now - until < 0;
  }

  void delete(long idx, String key) {
    if (entries.remove(key) != null) {
      tombstones.put(key, idx);
      tableIndex = idx;
    }
  }

  boolean deleteCas(long idx, String key, long casIndex) {
    KvEntry old = entries.get(key);
    if (old == null) {
      return true;
    }
    if (old.modifyIndex() != casIndex) {
      return false;
    }
    delete(idx, key);
    return true;
  }

  void deleteTree(long idx, String prefix) {
    for (KvEntry e : list(prefix)) {
      delete(idx, e.key());
    }
  }

  /** A session was invalidated: release or delete what it held and start each key's lock-delay. */
  void invalidate(long idx, SessionEntry session, long now) {
    Predicate<KvEntry> held = e -> session.id().equals(e.session());
    for (KvEntry e : entries.values().stream().filter(held).toList()) {
      if (session.deletesKeys()) {
        delete(idx, e.key());
      } else {
        put(idx, e.withSession(null, e.lockIndex(), idx));
      }
      long delay = Math.min(session.lockDelayNanos(), MAX_LOCK_DELAY_NANOS);
      if (delay > 0) {
        lockDelayUntil.put(e.key(), now + delay);
      }
    }
  }

  private void put(long idx, KvEntry entry) {
    entries.put(entry.key(), entry);
    tableIndex = idx;
  }

  /** A copy to roll a failed transaction back to. */
  Snapshot snapshot() {
    return new Snapshot(new TreeMap<>(entries), new TreeMap<>(tombstones), tableIndex);
  }

  void restore(Snapshot snapshot) {
    entries = snapshot.entries();
    tombstones = snapshot.tombstones();
    tableIndex = snapshot.tableIndex();
  }

  record Snapshot(TreeMap<String, KvEntry> entries, TreeMap<String, Long> tombstones, long tableIndex) {
  }
}
