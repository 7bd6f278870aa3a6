package dev.bugle.core;

import dev.bugle.core.internal.Durations;
import dev.bugle.core.internal.Names;
import dev.bugle.core.internal.Placeholders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One recurring job: when it fires ({@code trigger}, in the time zone {@code zone}), what it enqueues ({@code job}, {@code queue},
 * {@code args}, {@code kwargs}, backend {@code options}), through which enqueuer, and what happens to fires
 * that were missed ({@code misfire} within {@code misfireWindow}, at most {@code catchUpLimit} of them).
 * {@code jitter} delays every fire by the same offset in [0, jitter), derived from the name, so that many
 * schedules on the same cron do not all hit the backend in the same millisecond.
 *
 * <p>{@code placeholders} is derived, whatever is passed: whether a string value of {@code args} or {@code kwargs}
 * holds a fire placeholder ({@link Placeholders}), computed once so that schedules without any pay nothing per fire.
 */
public record Schedule(
    String name,
    Trigger trigger,
    ZoneId zone,
    String job,
    String queue,
    List<Object> args,
    Map<String, Object> kwargs,
    Map<String, String> options,
    String enqueuer,
    MisfirePolicy misfire,
    Duration misfireWindow,
    int catchUpLimit,
    Duration jitter,
    boolean placeholders) {

  /** Names are used in property keys and job ids: letters, digits, '-' and '_'. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  public static final Duration DEFAULT_MISFIRE_WINDOW = Duration.ofHours(1);
  public static final int DEFAULT_CATCH_UP_LIMIT = 100;

  public Schedule {
    if (name == null || !Names.valid(name)) { // NAME, without running the regex
      throw new IllegalArgumentException("schedule name must match " + NAME + ", e.g. weekly-digest; got " + name);
    }
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(zone, "zone");
    if (trigger instanceof CronTrigger c && !c.zone().equals(zone)) {
      throw new IllegalArgumentException("zone " + zone + " differs from the cron trigger's zone " + c.zone());
    }
    if (job == null || job.isBlank()) {
      throw new IllegalArgumentException("job must be non-blank, e.g. WeeklyDigestJob");
    }
    Objects.requireNonNull(enqueuer, "enqueuer");
    Objects.requireNonNull(misfire, "misfire");
    if (misfireWindow == null || misfireWindow.isNegative() || misfireWindow.compareTo(Durations.MAX) > 0) {
      throw new IllegalArgumentException("misfireWindow must be in [0, 366d], e.g. 1h; got " + misfireWindow);
    }
    if (catchUpLimit < 1) {
      throw new IllegalArgumentException("catchUpLimit must be at least 1, e.g. 100");
    }
    if (jitter == null || jitter.isNegative() || jitter.compareTo(Durations.MAX) > 0) {
      throw new IllegalArgumentException("jitter must be in [0, 366d], e.g. 30s; got " + jitter);
    }
    args = Collections.unmodifiableList(new ArrayList<>(args == null ? List.of() : args));
    kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs == null ? Map.of() : kwargs));
    options = Map.copyOf(options == null ? Map.of() : options);
    placeholders = Placeholders.present(args) || Placeholders.present(kwargs);
  }

  /** The schedule; whether it holds placeholders is derived from {@code args} and {@code kwargs}. */
  public Schedule(String name, Trigger trigger, ZoneId zone, String job, String queue, List<Object> args,
      Map<String, Object> kwargs, Map<String, String> options, String enqueuer, MisfirePolicy misfire,
      Duration misfireWindow, int catchUpLimit, Duration jitter) {
    this(name, trigger, zone, job, queue, args, kwargs, options, enqueuer, misfire, misfireWindow, catchUpLimit,
        jitter, false);
  }

  /** A typed builder, for embedders: {@code Schedule.builder("rates").cron("0 * * * *").job("RatesJob")...}. */
  public static ScheduleBuilder builder(String name) {
    return new ScheduleBuilder(name);
  }

  /** A schedule with the defaults: no queue, no args, fire-once within 1h, no jitter. */
  public static Schedule of(String name, Trigger trigger, String job, String enqueuer) {
    ZoneId zone = trigger instanceof CronTrigger c ? c.zone() : ZoneOffset.UTC;
    return new Schedule(name, trigger, zone, job, null, List.of(), Map.of(), Map.of(), enqueuer, MisfirePolicy.FIRE_ONCE,
        DEFAULT_MISFIRE_WINDOW, DEFAULT_CATCH_UP_LIMIT, Duration.ZERO);
  }

  /** This schedule's fixed offset in [0, jitter), the same on every node. */
  public Duration jitterOffset() {
    long nanos = jitter.toNanos();
    if (nanos == 0) {
      return Duration.ZERO;
    }
    long hash = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    return Duration.ofNanos(Math.floorMod(hash, nanos));
  }

  /** How missed fires are handled, for people: {@code fire-once within 1h}, {@code catch-up (at most 100) within 6h}. */
  public String describeMisfire() {
    return misfire.configName() + (misfire == MisfirePolicy.CATCH_UP ? " (at most " + catchUpLimit + ")" : "")
        + " within " + Durations.format(misfireWindow);
  }

  /**
   * The job of the fire scheduled at {@code scheduledAt}; its id is derived from the namespace, name and instant,
   * and the placeholders in {@code args} and {@code kwargs} are replaced with that fire's time and id.
   */
  @SuppressWarnings("unchecked")
  public JobRequest requestAt(String namespace, Instant scheduledAt) {
    if (!placeholders) {
      return JobRequest.of(namespace, name, scheduledAt, job, queue, args, kwargs, options);
    }
    UUID id = JobRequest.idFor(namespace, name, scheduledAt);
    return new JobRequest(id, namespace, name, scheduledAt, job, queue,
        (List<Object>) Placeholders.apply(args, scheduledAt, id),
        (Map<String, Object>) Placeholders.apply(kwargs, scheduledAt, id), options);
  }
}
