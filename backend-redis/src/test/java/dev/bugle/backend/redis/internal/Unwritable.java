package dev.bugle.backend.redis.internal;

/** An arg Jackson cannot write: its only property throws. */
public final class Unwritable {
  public String getValue() {
    throw new IllegalStateException("no value");
  }
}
