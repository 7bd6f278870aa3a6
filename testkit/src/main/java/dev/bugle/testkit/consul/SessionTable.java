package dev.bugle.testkit.consul;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sessions and their TTL timers, after {@code agent/consul/state/session.go} and {@code session_ttl.go}: a
 * session with a TTL is invalidated {@code 2 × TTL} after its creation or its last renew. Not thread-safe:
 * {@link ConsulStore} calls it under its monitor.
 */
final class SessionTable {
  private final Map<String, SessionEntry> sessions = new LinkedHashMap<>();
  private final Map<String, Long> expiresAt = new HashMap<>();
  private long tableIndex = 1;

  void add(SessionEntry session, long now) {
    sessions.put(session.id(), session);
    tableIndex = session.createIndex();
    arm(session, now);
  }

  SessionEntry get(String id) {
    return sessions.get(id);
  }

  List<SessionEntry> all() {
    return new ArrayList<>(sessions.values());
  }

  /** Resets the TTL timer; null when the session does not exist (any more). A renew is not a write. */
  SessionEntry renew(String id, long now) {
    SessionEntry s = sessions.get(id);
    if (s != null) {
      arm(s, now);
    }
    return s;
  }

  SessionEntry remove(String id, long idx) {
    SessionEntry s = sessions.remove(id);
    expiresAt.remove(id);
    if (s != null) {
      tableIndex = idx;
    }
    return s;
  }

  /** Ids of the sessions whose timer has run out at {@code now}. */
  List<String> expired(long now) {
    List<String> out = new ArrayList<>();
    expiresAt.forEach((id, at) -> {
      if (now - at >= 0) {
        out.add(id);
      }
    });
    return out;
  }

  long tableIndex() {
    return tableIndex;
  }

  private void arm(SessionEntry s, long now) {
    if (s.ttlNanos() > 0) {
      expiresAt.put(s.id(), now + 2 * s.ttlNanos());
    }
  }
}
