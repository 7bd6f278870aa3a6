package dev.bugle.benchmarks.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generated configurations of many cron schedules, as {@code bugle.*} properties, deterministic for a given size.
 *
 * <ul>
 *   <li>{@code realistic}: like a large real configuration, most schedules share a few common expressions
 *       (hourly, every 5 minutes, nightly, weekdays at 9, monthly, nicknames, one 6-field) and the rest spread jobs
 *       over about 1,800 "minute hour" variants; ten time zones, half of the schedules in UTC.</li>
 *   <li>{@code distinct}: the worst case, every schedule its own expression (minute × hour × 70 day/month/weekday
 *       variants), so that nothing can be shared between schedules.</li>
 * </ul>
 */
public final class ScheduleMix {
  static final List<String> COMMON = List.of("0 * * * *", "*/5 * * * *", "*/15 * * * *", "0 0 * * *", "30 2 * * *",
      "0 9 * * MON", "0 9 * * MON-FRI", "15 3 * * *", "0 */6 * * *", "0 0 1 * *", "@daily", "@hourly",
      "0 0 9 * * MON", "*/10 * * * *", "45 23 * * SUN", "0 8-18 * * MON-FRI", "0 12 15 * *", "5 4 * * 0",
      "0 22 * * 1-5", "0 0 1 1 *", "* * * * *", "0 6,18 * * *", "20 */2 * * *", "0 3 * * SAT", "0 0 1,15 * *");
  static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Europe/Moscow", "Asia/Tokyo",
      "Europe/London", "America/Los_Angeles", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo");
  private static final String[] DAYS = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN", "MON-FRI"};

  private ScheduleMix() {
  }

  /** The properties of {@code count} schedules of the named mix. */
  public static Map<String, String> of(String mix, int count) {
    List<String> crons = switch (mix) {
      case "realistic" -> realistic(count);
      case "distinct" -> distinct(count);
      default -> throw new IllegalArgumentException("mix is realistic or distinct, not " + mix);
    };
    Map<String, String> p = new LinkedHashMap<>();
    p.put("bugle.namespace", "bench");
    for (int i = 0; i < crons.size(); i++) {
      String prefix = String.format("bugle.schedule.job-%06d.", i);
      p.put(prefix + "cron", crons.get(i));
      p.put(prefix + "job", "Job" + (i % 500));
      if (i % 2 == 1) {
        p.put(prefix + "time-zone", ZONES.get((i / 2) % ZONES.size()));
      }
    }
    return p;
  }

  static List<String> realistic(int count) {
    Random random = new Random(42);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (random.nextInt(100) < 70) {
        // Zipf-like: the first common expressions are the most used.
        out.add(COMMON.get((int) Math.min(COMMON.size() - 1, Math.abs(random.nextGaussian()) * COMMON.size() / 3)));
      } else {
        int minute = random.nextInt(60);
        int hour = random.nextInt(24);
        out.add(random.nextBoolean() ? minute + " " + hour + " * * *"
            : minute + " " + hour + " * * " + DAYS[random.nextInt(DAYS.length)]);
      }
    }
    return out;
  }

  static List<String> distinct(int count) {
    List<String> days = dayVariants();
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; out.size() < count; i++) {
      int minute = i % 60;
      int hour = (i / 60) % 24;
      out.add(minute + " " + hour + " " + days.get((i / 1440) % days.size()));
      if (i > 60 * 24 * days.size()) {
        throw new IllegalArgumentException("at most " + 60 * 24 * days.size() + " distinct expressions");
      }
    }
    return new ArrayList<>(out);
  }

  /** 70 "day-of-month month day-of-week" variants: each weekday, each day of the month, each month, weekday ranges. */
  private static List<String> dayVariants() {
    List<String> v = new ArrayList<>();
    for (int d = 0; d < 7; d++) {
      v.add("* * " + d);
    }
    for (int dom = 1; dom <= 31; dom++) {
      v.add(dom + " * *");
    }
    for (int m = 1; m <= 12; m++) {
      v.add("* " + m + " *");
    }
    for (int a = 0; a < 7 && v.size() < 70; a++) {
      for (int b = a + 1; b < 7 && v.size() < 70; b++) {
        v.add("* * " + a + "-" + b);
      }
    }
    return v;
  }
}
