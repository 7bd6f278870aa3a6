package dev.bugle.core.internal;

import dev.bugle.core.Schedule;
import dev.bugle.spi.Enqueuer;
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
  private final Scheduler scheduler;

  Replacement(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  void apply(List<Schedule> next, Map<String, Enqueuer> enqueuers) {
    enqueuers.forEach((name, e) -> {
      Lane lane = scheduler.lanes().get(name);
      if (lane == null) {
        scheduler.addLane(name, e);
      } else {
        lane.use(e);
      }
    });
    Map<String, Schedule> current = scheduler.schedules();
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
        scheduler.planFresh(s, commits);
      } else if (!old.equals(s)) {
        changed.add(s.name());
        scheduler.unplan(s.name());
        if (!scheduler.inFlight(s.name())) { // else it is planned with its new definition when its outcome comes
          toPlan.add(s);
        }
      }
    }
    for (String name : removed) {
      current.remove(name);
      scheduler.unplan(name);
    }
    toPlan.forEach(scheduler::replan);
    scheduler.commit(commits);
    LOG.info("reloaded: {} schedule(s); added {}, changed {}, removed {}", next.size(), added, changed, removed);
  }
}
