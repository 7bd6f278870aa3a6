package dev.bugle.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.core.EveryTrigger;
import dev.bugle.core.JobRequest;
import dev.bugle.core.MisfirePolicy;
import dev.bugle.core.Schedule;
import dev.bugle.support.JobJson;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * For interop tests: a schedule's fire whose args and kwargs hold the fire placeholders, made the way the scheduler
 * makes it ({@link Schedule#requestAt}), and the values a worker must receive, written out independently.
 */
public final class FirePlaceholders {
  /** The fire's instant: 2026-03-01T09:00:00Z, 1772355600 seconds after the epoch. */
  public static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
  public static final long EPOCH = 1772355600L;

  private FirePlaceholders() {
  }

  /** The args as a schedule writes them: the marker, then each placeholder, whole or inside text. */
  public static List<Object> args(String marker) {
    return List.of(marker, "{{scheduled_at}}", "{{scheduled_at_epoch}}", "fire {{fire_id}} at {{scheduled_at_epoch}}");
  }

  /** The kwargs as a schedule writes them, nested. */
  public static Map<String, Object> kwargs() {
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("period_end", "{{scheduled_at}}");
    kwargs.put("fire", Map.of("id", "{{fire_id}}", "epoch", "{{scheduled_at_epoch}}"));
    return kwargs;
  }

  /** The fire at {@link #AT} of a schedule named {@code schedule} with these args, kwargs and options. */
  public static JobRequest fire(String schedule, String job, String queue, List<Object> args,
      Map<String, Object> kwargs, Map<String, String> options) {
    return fire(schedule, job, queue, args, kwargs, options, AT);
  }

  /** The fire at {@code at} (for a backend whose options count from the fire's time, like Celery's expires). */
  public static JobRequest fire(String schedule, String job, String queue, List<Object> args,
      Map<String, Object> kwargs, Map<String, String> options, Instant at) {
    Schedule s = new Schedule(schedule, EveryTrigger.of(Duration.ofHours(1)), ZoneOffset.UTC, job, queue, args, kwargs,
        options, "main", MisfirePolicy.FIRE_ONCE, Duration.ofHours(1), 1, Duration.ZERO);
    return s.requestAt(TestSettings.NAMESPACE, at);
  }

  /** What {@link #args} must become in {@code fire}: its instant in ISO-8601 and in seconds, and its id. */
  public static List<Object> expectedArgs(String marker, JobRequest fire) {
    long epoch = fire.scheduledAt().getEpochSecond();
    return List.of(marker, fire.scheduledAt().toString(), epoch, "fire " + id(fire) + " at " + epoch);
  }

  /** What {@link #kwargs} must become in {@code fire}. */
  public static Map<String, Object> expectedKwargs(JobRequest fire) {
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("period_end", fire.scheduledAt().toString());
    kwargs.put("fire", Map.of("id", id(fire).toString(), "epoch", fire.scheduledAt().getEpochSecond()));
    return kwargs;
  }

  /** The fire's id as every node derives it. */
  private static UUID id(JobRequest fire) {
    return JobRequest.idFor(TestSettings.NAMESPACE, fire.schedule(), fire.scheduledAt());
  }

  /** {@code value} as a worker's JSON reads back (numbers as the smallest node type that holds them). */
  public static JsonNode json(Object value) {
    try {
      return JobJson.mapper().readTree(JobJson.write(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
