package dev.bugle.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One fire of one schedule, as handed to an {@link dev.bugle.spi.Enqueuer}.
 *
 * <p>{@code args} and {@code kwargs} hold JSON values as plain Java: {@code String}, {@code Number},
 * {@code Boolean}, {@code null}, {@code List} and {@code Map<String, ?>}. {@code queue} is null when the
 * schedule names none, and the backend then uses its own default ("default" for Sidekiq, "celery" for
 * Celery). {@code options} are per-schedule backend options ({@code bugle.schedule.NAME.option.KEY}); an
 * enqueuer lists the ones it understands in {@link dev.bugle.spi.Enqueuer#jobOptions()}.
 *
 * @param id the fire's identity, {@link #idFor(String, String, Instant)}: equal for the same fire on every node
 */
public record JobRequest(
    UUID id,
    String namespace,
    String schedule,
    Instant scheduledAt,
    String job,
    String queue,
    List<Object> args,
    Map<String, Object> kwargs,
    Map<String, String> options) {

  public JobRequest {
    Objects.requireNonNull(id, "id");
    requireText(namespace, "namespace");
    requireText(schedule, "schedule");
    Objects.requireNonNull(scheduledAt, "scheduledAt");
    requireText(job, "job");
    if (queue != null && queue.isBlank()) {
      throw new IllegalArgumentException("queue must be null (backend default) or non-blank, e.g. \"default\"");
    }
    // List.copyOf rejects null elements, and JSON null is a valid argument.
    args = Collections.unmodifiableList(new ArrayList<>(args == null ? List.of() : args));
    kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs == null ? Map.of() : kwargs));
    options = Map.copyOf(options == null ? Map.of() : options);
  }

  /** A request for the fire of {@code schedule} at {@code scheduledAt}, with its derived id. */
  public static JobRequest of(String namespace, String schedule, Instant scheduledAt, String job, String queue,
      List<Object> args, Map<String, Object> kwargs, Map<String, String> options) {
    return new JobRequest(idFor(namespace, schedule, scheduledAt), namespace, schedule, scheduledAt, job, queue,
        args, kwargs, options);
  }

  /**
   * The fire's id: a name-based (version 3) UUID of namespace, schedule and scheduled instant, so that every
   * node, and a new leader after a failover, derives the same id for the same fire.
   */
  public static UUID idFor(String namespace, String schedule, Instant scheduledAt) {
    String name = namespace + '\u0000' + schedule + '\u0000' + scheduledAt.getEpochSecond() + '.'
        + scheduledAt.getNano();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /** The first {@code length} lowercase hex digits of the id (Sidekiq's jid is 24). */
  public String idHex(int length) {
    String hex = id.toString().replace("-", "");
    if (length < 1 || length > hex.length()) {
      throw new IllegalArgumentException("length must be in [1, 32], got " + length);
    }
    return hex.substring(0, length);
  }

  /** The queue the schedule named, or {@code fallback} when it named none. */
  public String queueOr(String fallback) {
    return queue == null ? fallback : queue;
  }

  /** The same fire with another id, for tests and benchmarks that need a fresh job of the same shape. */
  public JobRequest withId(UUID newId) {
    return new JobRequest(newId, namespace, schedule, scheduledAt, job, queue, args, kwargs, options);
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must be non-blank");
    }
  }
}
