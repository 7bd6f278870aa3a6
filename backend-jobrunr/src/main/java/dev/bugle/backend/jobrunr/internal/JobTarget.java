package dev.bugle.backend.jobrunr.internal;

import dev.bugle.core.ConfigException;
import java.util.regex.Pattern;

/**
 * The method a JobRunr worker calls, from a schedule's {@code job}: {@code com.acme.DigestJobs#send}. Without a
 * {@code #method} part the method is {@code run} (as for JobRunr's {@code JobRequestHandler}). Bugle never loads the
 * class: the worker resolves it, with the parameter types Bugle records.
 */
public record JobTarget(String className, String methodName) {
  public static final String DEFAULT_METHOD = "run";
  static final String IDENTIFIER = "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
  /** A binary class name: package segments and nested classes ({@code com.acme.Outer$Inner}). */
  static final Pattern CLASS_NAME = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");
  private static final Pattern METHOD_NAME = Pattern.compile(IDENTIFIER);

  public JobTarget {
    if (className == null || !CLASS_NAME.matcher(className).matches()) {
      throw new IllegalArgumentException("not a Java class name: " + className);
    }
    if (methodName == null || !METHOD_NAME.matcher(methodName).matches()) {
      throw new IllegalArgumentException("not a Java method name: " + methodName);
    }
  }

  /** Parses {@code Class#method} or {@code Class}; {@code key} is the full property key for the error. */
  public static JobTarget parse(String key, String job) {
    String text = job.trim();
    int hash = text.indexOf('#');
    String cls = hash < 0 ? text : text.substring(0, hash);
    String method = hash < 0 ? DEFAULT_METHOD : text.substring(hash + 1);
    try {
      return new JobTarget(cls, method);
    } catch (IllegalArgumentException e) {
      throw ConfigException.invalid(key, job,
          "a fully qualified class name and a method name, as Class#method (#run when left out)",
          "com.acme.billing.DigestJobs#sendWeekly");
    }
  }

  @Override
  public String toString() {
    return className + "#" + methodName;
  }
}
