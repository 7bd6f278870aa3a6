package dev.bugle.testkit.consul;

/** One KV write: a plain set, or {@code cas}, {@code lock} ({@code ?acquire}) or {@code unlock} ({@code ?release}). */
record KvWrite(Op op, String key, byte[] value, long flags, String session, long casIndex) {
  enum Op { SET, CAS, LOCK, UNLOCK }
}
