package dev.bugle.backend.delayedjob.internal;

/**
 * A schedule's job that delayed_job could not run as written. {@code field} is relative to the schedule
 * ({@code job}, {@code kwargs}, {@code option.handler}) so that callers can name the full property key.
 */
public final class InvalidJob extends RuntimeException {
  private final String field;
  private final String example;

  public InvalidJob(String field, String message, String example) {
    super(message);
    this.field = field;
    this.example = example;
  }

  public String field() {
    return field;
  }

  public String example() {
    return example;
  }
}
