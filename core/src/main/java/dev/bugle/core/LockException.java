package dev.bugle.core;

/** The leader lock could not be talked to, or it failed in a way that is not simply "someone else holds it". */
public class LockException extends BugleException {
  public LockException(String message) {
    super(message);
  }

  public LockException(String message, Throwable cause) {
    super(message, cause);
  }
}
