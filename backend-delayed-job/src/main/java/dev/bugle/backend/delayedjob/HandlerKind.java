package dev.bugle.backend.delayedjob;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The Ruby object a delayed_job handler deserializes to, chosen by {@code handler=} (setting or job option). */
public enum HandlerKind {
  /** {@code ActiveJob::QueueAdapters::DelayedJobAdapter::JobWrapper} around the ActiveJob job hash. */
  ACTIVE_JOB("active-job", "HelloJob"),
  /** {@code !ruby/struct:Name}: the kwargs are the struct's fields. */
  STRUCT("struct", "NewsletterJob"),
  /** {@code !ruby/object:Name}: the kwargs are its instance variables. */
  OBJECT("object", "CleanupJob"),
  /** {@code Delayed::PerformableMethod} calling a class method: the job is {@code Class.method}. */
  METHOD("method", "Mailer.deliver");

  private final String id;
  private final String exampleJob;

  HandlerKind(String id, String exampleJob) {
    this.id = id;
    this.exampleJob = exampleJob;
  }

  /** The name users write: {@code active-job}, {@code struct}, {@code object}, {@code method}. */
  public String id() {
    return id;
  }

  /** A valid {@code job} value for this kind, for error messages. */
  public String exampleJob() {
    return exampleJob;
  }

  public static Set<String> ids() {
    return Arrays.stream(values()).map(HandlerKind::id).collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  public static Optional<HandlerKind> byId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }
}
