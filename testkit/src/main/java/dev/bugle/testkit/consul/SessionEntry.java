package dev.bugle.testkit.consul;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One session, as {@code /v1/session/info} shows it. {@code ttl} is the text the client sent ("" for none). */
public record SessionEntry(String id, String name, String node, long lockDelayNanos, String behavior, String ttl,
    long ttlNanos, List<String> nodeChecks, List<Map<String, Object>> serviceChecks, long createIndex,
    long modifyIndex) {

  public SessionEntry {
    nodeChecks = List.copyOf(nodeChecks);
    serviceChecks = serviceChecks == null ? null : List.copyOf(serviceChecks);
  }

  boolean deletesKeys() {
    return behavior.equals("delete");
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", id);
    m.put("Name", name);
    m.put("Node", node);
    m.put("LockDelay", lockDelayNanos);
    m.put("Behavior", behavior);
    m.put("TTL", ttl);
    m.put("NodeChecks", nodeChecks);
    m.put("ServiceChecks", serviceChecks);
    m.put("CreateIndex", createIndex);
    m.put("ModifyIndex", modifyIndex);
    return m;
  }
}
