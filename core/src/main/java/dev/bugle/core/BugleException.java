package dev.bugle.core;

/** The one unchecked base of every error Bugle raises. Subclasses say what kind of trouble it is. */
public class BugleException extends RuntimeException {
  public BugleException(String message) {
    super(message);
  }

  public BugleException(String message, Throwable cause) {
    super(message, cause);
  }
}
