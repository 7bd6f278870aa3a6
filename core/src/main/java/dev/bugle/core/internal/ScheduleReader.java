package dev.bugle.core.internal;

import dev.bugle.core.AtTrigger;
import dev.bugle.core.ConfigException;
import dev.bugle.core.CronTrigger;
import dev.bugle.core.EveryTrigger;
import dev.bugle.core.MisfirePolicy;
import dev.bugle.core.Schedule;
import dev.bugle.core.Trigger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads one {@code bugle.schedule.NAME.*} block into a {@link Schedule}; every mistake names its key. */
public final class ScheduleReader {
  public static final Set<String> KEYS = Set.of("cron", "every", "at", "start-at", "time-zone", "job", "queue", "args",
      "kwargs", "enqueuer", "misfire", "misfire-window", "catch-up-limit", "jitter");

  static final Duration MIN_MISFIRE_WINDOW = Duration.ofSeconds(1);

  private ScheduleReader() {
  }

  /** The schedule, or null when {@code problems} received one or more mistakes in its keys. */
  public static Schedule read(String name, Map<String, String> p, String defaultEnqueuer, Problems problems) {
    String prefix = "bugle.schedule." + name + ".";
    if (!Names.valid(name)) { // Schedule.NAME
      problems.add(prefix + "job", "schedule name '" + Values.show(name) + "' may hold only letters, digits, '-'"
          + " and '_'; for example: bugle.schedule.weekly-digest.job=WeeklyDigestJob");
      return null;
    }
    int before = problems.size();
    ZoneId zone = problems.attempt(() -> zone(prefix + "time-zone", p.getOrDefault("time-zone", "UTC")));
    Trigger trigger = zone == null ? null : problems.attempt(() -> trigger(prefix, p, zone));
    String job = p.get("job");
    if (job == null || job.isBlank()) {
      problems.add(prefix + "job", "is required: the job to enqueue; for example: " + prefix + "job=CurrencyRatesJob");
    }
    String enqueuer = p.getOrDefault("enqueuer", defaultEnqueuer);
    if (enqueuer == null) {
      problems.add(prefix + "enqueuer", "is required when several enqueuers are configured; for example: " + prefix
          + "enqueuer=main");
    }
    Map<String, String> options = new TreeMap<>();
    p.forEach((k, v) -> {
      if (k.startsWith("option.")) {
        options.put(k.substring("option.".length()), v);
      }
    });
    // Optional keys: the key names are only built, and the parsers only run, for a value that is set.
    List<Object> args = unset(p, "args") ? null
        : problems.attempt(() -> JsonValues.list(prefix + "args", p.get("args")));
    Map<String, Object> kwargs = unset(p, "kwargs") ? null
        : problems.attempt(() -> JsonValues.object(prefix + "kwargs", p.get("kwargs")));
    MisfirePolicy misfire = !p.containsKey("misfire") ? MisfirePolicy.FIRE_ONCE
        : problems.attempt(() -> MisfirePolicy.parse(prefix + "misfire", p.get("misfire")));
    Duration window = unset(p, "misfire-window") ? Schedule.DEFAULT_MISFIRE_WINDOW
        : problems.attempt(() -> misfireWindow(prefix + "misfire-window", p.get("misfire-window")));
    Integer limit = unset(p, "catch-up-limit") ? Integer.valueOf(Schedule.DEFAULT_CATCH_UP_LIMIT)
        : problems.attempt(() -> catchUpLimit(prefix + "catch-up-limit", p.get("catch-up-limit")));
    Duration jitter = unset(p, "jitter") ? Duration.ZERO
        : problems.attempt(() -> duration(prefix + "jitter", p.get("jitter"), null, "30s"));
    if (problems.size() > before) {
      return null;
    }
    return new Schedule(name, trigger, zone, job.trim(), blankToNull(p.get("queue")), args, kwargs, options, enqueuer,
        misfire, window, limit, jitter);
  }

  private static Trigger trigger(String prefix, Map<String, String> p, ZoneId zone) {
    int kinds = (p.containsKey("cron") ? 1 : 0) + (p.containsKey("every") ? 1 : 0) + (p.containsKey("at") ? 1 : 0);
    if (kinds != 1) {
      throw new ConfigException(prefix + "cron", (kinds == 0 ? "a schedule needs" : "a schedule takes only")
          + " one of " + prefix + "cron, " + prefix + "every or " + prefix + "at; for example: " + prefix
          + "cron=0 * * * *");
    }
    if (p.containsKey("cron")) {
      try {
        return CronTrigger.of(p.get("cron"), zone);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(prefix + "cron", "unrecognized cron '" + p.get("cron") + "': " + e.getMessage()
            + ". Parsable examples: " + CronExpressions.EXAMPLES);
      }
    }
    if (p.containsKey("every")) {
      Duration period = duration(prefix + "every", p.get("every"), null, "15m");
      if (period == null || period.toMillis() < 1) {
        throw ConfigException.invalid(prefix + "every", String.valueOf(p.get("every")), "a positive duration", "15m");
      }
      String start = p.get("start-at");
      return start == null ? EveryTrigger.of(period)
          : new EveryTrigger(period, instant(prefix + "start-at", start), true);
    }
    return new AtTrigger(instant(prefix + "at", p.get("at")));
  }

  private static Instant instant(String key, String value) {
    try {
      OffsetDateTime t = OffsetDateTime.parse(value.trim());
      if (t.getYear() >= 1 && t.getYear() <= 9999) {
        return t.toInstant();
      }
    } catch (DateTimeException | NullPointerException e) {
      // reported below
    }
    throw ConfigException.invalid(key, String.valueOf(value), "an ISO-8601 instant with an offset, in the years"
        + " 1 to 9999", "2026-12-24T18:00:00+01:00");
  }

  private static ZoneId zone(String key, String value) {
    try {
      return Names.zone(value.trim());
    } catch (DateTimeException e) {
      throw ConfigException.invalid(key, value, "an IANA time zone", "Europe/Berlin");
    }
  }

  static Duration duration(String key, String value, Duration defaultValue, String example) {
    return value == null || value.isBlank() ? defaultValue : Durations.read(key, value, example);
  }

  /** 0 (or any window below 1s) is refused: even an on-time fire sent a moment late would fall outside it. */
  private static Duration misfireWindow(String key, String value) {
    Duration d = Durations.read(key, value, "1h");
    if (d.compareTo(MIN_MISFIRE_WINDOW) < 0) {
      throw new ConfigException(key, "is " + Durations.format(d) + ", but must be at least 1s: a fire sent a moment"
          + " late, or retried after a backend failure, must still be inside its window; to send no missed fires,"
          + " set misfire=skip instead; for example: " + key + "=1h");
    }
    return d;
  }

  private static int catchUpLimit(String key, String value) {
    return value == null || value.isBlank() ? Schedule.DEFAULT_CATCH_UP_LIMIT
        : (int) Values.wholeNumber(key, value, 1, Integer.MAX_VALUE, "100");
  }

  private static boolean unset(Map<String, String> p, String key) {
    String v = p.get(key);
    return v == null || v.isBlank();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
