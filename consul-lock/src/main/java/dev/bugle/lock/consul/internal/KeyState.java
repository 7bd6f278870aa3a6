package dev.bugle.lock.consul.internal;

/**
 * What a read of the lock key showed: whether it exists, who holds it, and the index to block on next.
 *
 * @param exists false when the key is missing (404)
 * @param session the holder's session, or null when the key is free
 * @param value the key's value (the holder's JSON), or null when missing or empty
 * @param modifyIndex the key's ModifyIndex, 0 when missing
 * @param index the response's {@code X-Consul-Index}
 */
public record KeyState(boolean exists, String session, String value, long modifyIndex, long index) {
  public boolean heldBy(String id) {
    return id != null && id.equals(session);
  }

  public boolean free() {
    return session == null;
  }
}
