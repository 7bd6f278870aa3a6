package dev.bugle.backend.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import dev.bugle.support.JobJson;
import dev.bugle.support.PythonRepr;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Celery's task message protocol 2, as {@code celery/app/amqp.py#as_task_v2} and kombu write it: body
 * {@code [args, kwargs, embed]}, the task's metadata in headers, and the properties Celery's worker needs
 * ({@code content_type} above all: without it the worker crashes). The task id is the job id, so a fire re-sent
 * after a failover carries the same id.
 *
 * <p>Per-schedule options: {@code expires} and {@code countdown} (durations after the fire time, giving the
 * {@code expires} and {@code eta} headers), {@code priority} (0-255), {@code time-limit} and
 * {@code soft-time-limit}.
 */
public final class CeleryFormat implements MessageFormat {
  public static final Set<String> OPTIONS = Set.of("expires", "countdown", "priority", "time-limit",
      "soft-time-limit");
  /** Celery's {@code argsrepr_maxsize} and {@code kwargsrepr_maxsize}. */
  private static final int REPR_MAX = 1024;
  private final CelerySettings settings;

  public CeleryFormat(CelerySettings settings) {
    this.settings = settings;
  }

  @Override
  public Set<String> jobOptions() {
    return OPTIONS;
  }

  @Override
  public OutgoingMessage toMessage(JobRequest job) {
    String id = job.id().toString();
    JobOptions options = new JobOptions(job);
    Instant at = job.scheduledAt();
    Duration countdown = options.duration("countdown", settings.countdown()).orElse(null);
    Duration expires = options.duration("expires", settings.expires()).orElse(null);
    if (countdown != null && expires != null && expires.compareTo(countdown) <= 0) {
      throw new ConfigException("bugle.schedule." + job.schedule() + ".option.expires", "expires (" + expires
          + ") must be later than countdown (" + countdown + "), or the task expires before it may run");
    }
    int priority = options.intOf("priority", settings.priority(), 0, 255);
    Object timeLimit = options.duration("time-limit", null).map(CeleryFormat::seconds).orElse(null);
    Object softTimeLimit = options.duration("soft-time-limit", null).map(CeleryFormat::seconds).orElse(null);

    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("lang", "py");
    headers.put("task", job.job());
    headers.put("id", id);
    headers.put("shadow", null);
    headers.put("eta", countdown == null ? null : PythonTime.isoformat(at.plus(countdown)));
    headers.put("expires", expires == null ? null : PythonTime.isoformat(at.plus(expires)));
    headers.put("group", null);
    headers.put("group_index", null);
    headers.put("retries", 0);
    headers.put("timelimit", Arrays.asList(timeLimit, softTimeLimit));
    headers.put("root_id", id);
    headers.put("parent_id", null);
    headers.put("argsrepr", PythonRepr.of(job.args(), REPR_MAX));
    headers.put("kwargsrepr", PythonRepr.of(job.kwargs(), REPR_MAX));
    headers.put("origin", settings.origin());
    headers.put("ignore_result", false);

    AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
        .contentType("application/json")
        .contentEncoding("utf-8")
        .deliveryMode(2)
        .priority(priority)
        .correlationId(id)
        .headers(headers)
        .build();
    String queue = job.queueOr(settings.queue());
    String routingKey = settings.exchange().isEmpty() ? queue
        : settings.routingKey() == null ? queue : settings.routingKey();
    return new OutgoingMessage(id, settings.exchange(), routingKey, properties, body(job), declarations(queue,
        routingKey));
  }

  private static byte[] body(JobRequest job) {
    Map<String, Object> embed = new LinkedHashMap<>();
    embed.put("callbacks", null);
    embed.put("errbacks", null);
    embed.put("chain", null);
    embed.put("chord", null);
    return JobJson.write(Arrays.asList(job.args(), job.kwargs(), embed)).getBytes(StandardCharsets.UTF_8);
  }

  /** What the worker itself declares: the durable queue and, with a named exchange, that direct exchange and the binding. */
  private List<Declaration> declarations(String queue, String routingKey) {
    if (!settings.declare()) {
      return List.of();
    }
    List<Declaration> list = new ArrayList<>(3);
    if (!settings.exchange().isEmpty()) {
      list.add(new Declaration.Exchange(settings.exchange(), "direct"));
    }
    list.add(new Declaration.Queue(queue));
    if (!settings.exchange().isEmpty()) {
      list.add(new Declaration.Binding(queue, settings.exchange(), routingKey));
    }
    return list;
  }

  /** Celery's time limits are seconds: whole ones as an integer, else a float. */
  private static Object seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? (Object) d.toSeconds() : (Object) (d.toMillis() / 1000.0);
  }
}
