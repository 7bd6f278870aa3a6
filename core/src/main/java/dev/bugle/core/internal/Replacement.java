package dev.bugle.core.internal;

import dev.bugle.core.Schedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One reload applied to a {@link Scheduler}, on its planner thread: what changed, and each change made. */
final class Replacement {
  private static final Logger LOG = LoggerFactory.getLogger(Replacement.class);
  private final PlanBook book;

  Replacement(PlanBook book) {
    this.book = book;
  }

  void apply(List<Schedule> next) {
    Map<String, Schedule> current = book.schedules;
    Set<String> removed = new TreeSet<>(current.keySet());
    Set<String> added = new TreeSet<>();
    Set<String> changed = new TreeSet<>();
    Map<String, Instant> commits = new HashMap<>();
    List<Schedule> toPlan = new ArrayList<>();
    for (Schedule s : next) {
      removed.remove(s.name());
      Schedule old = current.put(s.name(), s);
      if (old == null) {
        added.add(s.name());
        book.planFresh(s, commits);
      } else if (!old.equals(s)) {
        changed.add(s.name());
        book.unplan(s.name());
        if (!book.inFlight(s.name())) { // else it is planned with its new definition when its outcome comes
          toPlan.add(s);
        }
      }
    }
    for (String name : removed) {
      current.remove(name);
      book.unplan(name);
    }
    toPlan.forEach(book::replan);
    book.commit(commits);
    LOG.info("reloaded: {} schedule(s); added {}, changed {}, removed {}", next.size(), added, changed, removed);
  }
}
