package dev.bugle.testkit.consul;

import java.math.BigInteger;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One KV entry (Consul's {@code DirEntry}). {@code value} is null for an empty value, as Consul stores it;
 * {@code session} is null when the key is not locked.
 */
public record KvEntry(String key, byte[] value, long flags, String session, long lockIndex, long createIndex,
    long modifyIndex) {

  public KvEntry {
    value = value == null || value.length == 0 ? null : value.clone();
    session = session == null || session.isEmpty() ? null : session;
  }

  KvEntry withSession(String newSession, long newLockIndex, long index) {
    return new KvEntry(key, value, flags, newSession, newLockIndex, createIndex, index);
  }

  KvEntry withValue(byte[] newValue, long newFlags, long index) {
    return new KvEntry(key, newValue, newFlags, session, lockIndex, createIndex, index);
  }

  /** The JSON object of {@code GET /v1/kv/:key}, in Consul's field order; {@code Session} only when locked. */
  Map<String, Object> toJson(boolean withValue) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("LockIndex", lockIndex);
    m.put("Key", key);
    m.put("Flags", flags >= 0 ? (Object) flags : new BigInteger(Long.toUnsignedString(flags)));
    m.put("Value", withValue && value != null ? Base64.getEncoder().encodeToString(value) : null);
    if (session != null) {
      m.put("Session", session);
    }
    m.put("CreateIndex", createIndex);
    m.put("ModifyIndex", modifyIndex);
    return m;
  }
}
