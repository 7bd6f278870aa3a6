package dev.bugle.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A typed builder for a {@link Schedule}, for embedders ({@code Schedule.builder("rates")}). Every mistake is
 * a {@link ConfigException} naming the field and showing a valid call, raised by {@link #build()} (or by the
 * setter, for a value that cannot even be held).
 */
public final class ScheduleBuilder {
  private final String name;
  private String cron;
  private Duration every;
  private Instant startAt;
  private Instant at;
  private ZoneId zone = ZoneOffset.UTC;
  private String job;
  private String queue;
  private final List<Object> args = new ArrayList<>();
  private final Map<String, Object> kwargs = new LinkedHashMap<>();
  private final Map<String, String> options = new LinkedHashMap<>();
  private String enqueuer;
  private MisfirePolicy misfire = MisfirePolicy.FIRE_ONCE;
  private Duration misfireWindow = Schedule.DEFAULT_MISFIRE_WINDOW;
  private int catchUpLimit = Schedule.DEFAULT_CATCH_UP_LIMIT;
  private Duration jitter = Duration.ZERO;

  ScheduleBuilder(String name) {
    this.name = name;
  }

  public ScheduleBuilder cron(String expression) {
    this.cron = expression;
    return this;
  }

  public ScheduleBuilder every(Duration period) {
    this.every = period;
    return this;
  }

  /** With {@link #every}: the grid's anchor; nothing fires before it. */
  public ScheduleBuilder startAt(Instant anchor) {
    this.startAt = anchor;
    return this;
  }

  public ScheduleBuilder at(Instant instant) {
    this.at = instant;
    return this;
  }

  public ScheduleBuilder zone(ZoneId zone) {
    this.zone = zone;
    return this;
  }

  public ScheduleBuilder job(String job) {
    this.job = job;
    return this;
  }

  public ScheduleBuilder queue(String queue) {
    this.queue = queue;
    return this;
  }

  /** JSON values as plain Java: String, Number, Boolean, null, List and Map. */
  public ScheduleBuilder args(Object... values) {
    args.clear();
    args.addAll(Arrays.asList(values));
    return this;
  }

  public ScheduleBuilder kwarg(String key, Object value) {
    kwargs.put(key, value);
    return this;
  }

  public ScheduleBuilder option(String key, String value) {
    options.put(key, value);
    return this;
  }

  public ScheduleBuilder enqueuer(String name) {
    this.enqueuer = name;
    return this;
  }

  public ScheduleBuilder misfire(MisfirePolicy policy, Duration window) {
    this.misfire = policy;
    this.misfireWindow = window;
    return this;
  }

  public ScheduleBuilder catchUpLimit(int limit) {
    this.catchUpLimit = limit;
    return this;
  }

  public ScheduleBuilder jitter(Duration jitter) {
    this.jitter = jitter;
    return this;
  }

  public Schedule build() {
    String field = "Schedule.builder(\"" + name + "\")";
    int triggers = (cron == null ? 0 : 1) + (every == null ? 0 : 1) + (at == null ? 0 : 1);
    if (triggers != 1) {
      throw new ConfigException(field, "needs exactly one of cron, every and at, e.g. .cron(\"0 9 * * MON\")");
    }
    if (job == null || job.isBlank()) {
      throw new ConfigException(field + ".job", "is required, e.g. .job(\"WeeklyDigestJob\")");
    }
    if (enqueuer == null) {
      throw new ConfigException(field + ".enqueuer", "is required, e.g. .enqueuer(\"main\")");
    }
    Trigger trigger;
    try {
      trigger = cron != null ? CronTrigger.of(cron, zone)
          : every != null ? (startAt == null ? EveryTrigger.of(every) : new EveryTrigger(every, startAt, true))
          : new AtTrigger(at);
    } catch (IllegalArgumentException e) {
      String which = cron != null ? ".cron" : every != null ? ".every" : ".at";
      throw new ConfigException(field + which, e.getMessage(), e);
    }
    try {
      return new Schedule(name, trigger, zone, job, queue, args, kwargs, options, enqueuer, misfire, misfireWindow,
          catchUpLimit, jitter);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ConfigException(field, e.getMessage(), e);
    }
  }
}
