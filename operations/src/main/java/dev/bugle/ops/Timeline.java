package dev.bugle.ops;

import dev.bugle.core.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fires of the coming hours, computed from the triggers: for the {@code maxSchedules} schedules that fire
 * soonest, up to {@code maxFires} instants each, with {@code more} when a schedule fires more often than that.
 */
final class Timeline {
  static final int MAX_SCHEDULES = 100;
  static final int MAX_FIRES = 300;

  private Timeline() {
  }

  static Map<String, Object> of(List<Schedule> schedules, Instant from, Duration span) {
    Instant end = from.plus(span);
    record Row(Schedule schedule, Instant first) {
    }
    List<Row> rows = new ArrayList<>();
    for (Schedule s : schedules) {
      Optional<Instant> first = s.trigger().nextAfter(from).filter(t -> !t.isAfter(end));
      first.ifPresent(f -> rows.add(new Row(s, f)));
    }
    rows.sort(Comparator.comparing(Row::first).thenComparing(r -> r.schedule().name()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows.subList(0, Math.min(MAX_SCHEDULES, rows.size()))) {
      List<String> fires = new ArrayList<>();
      Instant t = r.first();
      boolean more = false;
      while (t != null && !t.isAfter(end)) {
        if (fires.size() == MAX_FIRES) {
          more = true;
          break;
        }
        fires.add(t.toString());
        t = r.schedule().trigger().nextAfter(t).orElse(null);
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", r.schedule().name());
      row.put("time_zone", r.schedule().zone().getId());
      row.put("fires", fires);
      row.put("more", more);
      out.add(row);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("from", from.toString());
    doc.put("to", end.toString());
    doc.put("schedules_firing", rows.size());
    doc.put("schedules", out);
    return doc;
  }
}
