package dev.bugle.backend.delayedjob.internal;

import static dev.bugle.backend.delayedjob.internal.RubyYaml.entry;
import static dev.bugle.backend.delayedjob.internal.RubyYaml.integer;
import static dev.bugle.backend.delayedjob.internal.RubyYaml.mapping;
import static dev.bugle.backend.delayedjob.internal.RubyYaml.string;
import static dev.bugle.backend.delayedjob.internal.RubyYaml.value;

import dev.bugle.backend.delayedjob.HandlerKind;
import dev.bugle.core.JobRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * The {@code handler} column: the YAML of the Ruby object delayed_job loads and calls {@code perform} on, in
 * the four shapes that real workers ran (docs/backend-delayed-job.md shows each). The fire's id goes where
 * delayed_job ignores it: the ActiveJob {@code job_id}, or an extra {@code bugle_fire_id} instance variable.
 */
public final class HandlerYaml {
  /** The instance variable that carries the fire's id in struct, object and method handlers. */
  public static final String FIRE_ID_FIELD = "bugle_fire_id";
  static final String JOB_WRAPPER = "!ruby/object:ActiveJob::QueueAdapters::DelayedJobAdapter::JobWrapper";
  private static final String CONSTANT = "[A-Z][A-Za-z0-9_]*(?:::[A-Z][A-Za-z0-9_]*)*";
  private static final Pattern CLASS_NAME = Pattern.compile(CONSTANT);
  private static final Pattern CLASS_METHOD = Pattern.compile("(" + CONSTANT + ")\\.([a-z_][A-Za-z0-9_]*[?!]?)");
  private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private HandlerYaml() {
  }

  /**
   * The handler for {@code job}; {@code queue} and {@code priority} are the row's, repeated in the ActiveJob
   * hash as Rails does. {@code now} is the enqueue time.
   *
   * @throws InvalidJob when the job cannot be expressed in this kind of handler
   */
  public static String of(JobRequest job, HandlerKind kind, String queue, int priority, Instant now) {
    return RubyYaml.dump(switch (kind) {
      case ACTIVE_JOB -> activeJob(job, queue, priority, now);
      case STRUCT -> withFields("!ruby/struct:", job, kind);
      case OBJECT -> withFields("!ruby/object:", job, kind);
      case METHOD -> performableMethod(job);
    });
  }

  private static Node activeJob(JobRequest job, String queue, int priority,
      Instant now) {
    String jobClass = className(job, HandlerKind.ACTIVE_JOB);
    ActiveJobArguments.check(job);
    List<NodeTuple> data = new ArrayList<>();
    data.add(entry("job_class", string(jobClass)));
    data.add(entry("job_id", string(job.id().toString())));
    data.add(entry("provider_job_id", value(null)));
    data.add(entry("queue_name", string(queue)));
    data.add(entry("priority", integer(priority)));
    data.add(entry("arguments", value(ActiveJobArguments.of(job))));
    data.add(entry("executions", integer(0)));
    data.add(entry("exception_executions", mapping(null, new ArrayList<>())));
    data.add(entry("locale", string("en")));
    data.add(entry("timezone", string("UTC")));
    data.add(entry("enqueued_at", string(now.truncatedTo(ChronoUnit.SECONDS).toString())));
    return mapping(JOB_WRAPPER, List.of(entry("job_data", mapping(null, data))));
  }

  private static Node withFields(String tagPrefix, JobRequest job, HandlerKind kind) {
    String name = className(job, kind);
    if (!job.args().isEmpty()) {
      throw new InvalidJob("args", "a " + kind.id() + " handler has named fields only: give them as kwargs, not args",
          "[]");
    }
    List<NodeTuple> fields = new ArrayList<>();
    for (Map.Entry<String, Object> kw : job.kwargs().entrySet()) {
      if (!FIELD.matcher(kw.getKey()).matches() || kw.getKey().equals(FIRE_ID_FIELD)) {
        throw new InvalidJob("kwargs", "'" + kw.getKey() + "' is not usable as a Ruby "
            + (kind == HandlerKind.STRUCT ? "struct member" : "instance variable") + " name (letters, digits, _; "
            + FIRE_ID_FIELD + " is Bugle's)", "{\"report_date\": \"2024-01-01\"}");
      }
      fields.add(entry(kw.getKey(), value(kw.getValue())));
    }
    fields.add(entry(FIRE_ID_FIELD, string(job.id().toString())));
    return mapping(tagPrefix + name, fields);
  }

  private static Node performableMethod(JobRequest job) {
    var m = CLASS_METHOD.matcher(job.job());
    if (!m.matches()) {
      throw new InvalidJob("job", "a method handler calls a class method: expected Class.method, got '" + job.job()
          + "'", HandlerKind.METHOD.exampleJob());
    }
    if (!job.kwargs().isEmpty()) {
      throw new InvalidJob("kwargs", "delayed_job 4.1's PerformableMethod calls object.send(method, *args) and "
          + "cannot pass keywords: put a Hash into args instead", "{}");
    }
    List<NodeTuple> fields = new ArrayList<>();
    fields.add(entry("object", RubyYaml.rubyClass(m.group(1))));
    fields.add(entry("method_name", RubyYaml.symbol(m.group(2))));
    fields.add(entry("args", value(job.args())));
    fields.add(entry(FIRE_ID_FIELD, string(job.id().toString())));
    return mapping("!ruby/object:Delayed::PerformableMethod", fields);
  }

  private static String className(JobRequest job, HandlerKind kind) {
    if (!CLASS_NAME.matcher(job.job()).matches()) {
      throw new InvalidJob("job", "a " + kind.id() + " handler names a Ruby class (Name or Module::Name), got '"
          + job.job() + "'", kind.exampleJob());
    }
    return job.job();
  }
}
