package dev.bugle.core;

/** Thrown by a fenced write (a checkpoint) when the lease that guards it is no longer held. */
public class LeaseLostException extends LockException {
  public LeaseLostException(String message) {
    super(message);
  }

  public LeaseLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
