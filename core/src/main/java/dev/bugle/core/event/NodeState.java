package dev.bugle.core.event;

/** Where a Bugle node is in its lifecycle. */
public enum NodeState {
  /** Not yet contending: validating and opening the backends. */
  STARTING,
  /** Waiting for the lock; another node (or nobody) leads. */
  STANDBY,
  /** Holding the lock and firing. */
  LEADING,
  /** The lease was lost; no fire is sent any more under it. */
  LOST,
  /** A stop was asked for; the lease is being released. */
  STOPPING,
  /** Stopped; nothing runs. */
  STOPPED;

  /** The lower-case name used in logs, metrics and the status API ({@code leading}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
