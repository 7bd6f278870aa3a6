package dev.bugle.core.internal;

import dev.bugle.core.CheckpointKeys;
import dev.bugle.core.Pause;
import dev.bugle.core.Schedule;
import dev.bugle.core.event.BugleListener;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The planner's state, touched on the planner's thread only: the schedules by name, each one's last done fire,
 * which have a fire in flight, the pause records, and the queue of pending fires. It plans schedules (with
 * {@link Planning}) and takes the lanes' outcomes in; what must be checkpointed goes to {@code commit}.
 * {@link Replacement} (reload) and {@link Pausing} (pause and resume) work on it.
 */
final class PlanBook {
  final PriorityQueue<PendingFire> queue = new PriorityQueue<>(PendingFire.BY_FIRE_TIME);
  final Map<String, Schedule> schedules = new LinkedHashMap<>();
  /** The pause records in force, by schedule name. */
  final Map<String, Pause> pauses = new HashMap<>();
  /** Each schedule's last done fire (committed, acknowledged, or where planning began). */
  private final Map<String, Instant> lastDone = new HashMap<>();
  /** Schedules with a fire handed to a lane and not yet reported back: at most one each. */
  private final Set<String> inFlight = new HashSet<>();
  private final Planning planning;
  private final InstantSource clock;
  private final Consumer<Map<String, Instant>> commit;

  PlanBook(List<Schedule> schedules, BugleListener events, InstantSource clock,
      Consumer<Map<String, Instant>> commit) {
    schedules.forEach(s -> this.schedules.put(s.name(), s));
    this.planning = new Planning(queue, events, clock);
    this.clock = clock;
    this.commit = commit;
  }

  /** Plans every schedule from the checkpoints {@code done}; returns the "nothing due up to now" ones to write. */
  Map<String, Instant> start(Map<String, Instant> done) {
    Instant now = clock.instant();
    queue.clear();
    Map<String, Instant> fresh = new HashMap<>();
    for (Schedule s : schedules.values()) {
      Instant last = done.get(s.name());
      CheckpointKeys.lastFire(done, s.name()).ifPresent(f -> planning.fired(s.name(), f));
      if (last == null) {
        last = fresh(s, now, fresh);
      } else if (pauses.containsKey(s.name()) && !pauses.get(s.name()).paused()) {
        last = pauses.get(s.name()).planFrom(last);
      }
      lastDone.put(s.name(), last);
      planning.plan(s, last, now);
    }
    return fresh;
  }

  /** Records "nothing due up to now" so that a leader taking over later sends what this one misses. */
  private static Instant fresh(Schedule s, Instant now, Map<String, Instant> commits) {
    Instant last = now.minus(s.jitterOffset());
    commits.put(s.name(), last);
    commits.put(CheckpointKeys.plannedFrom(s.name()), last);
    return last;
  }

  /** Takes the lanes' outcomes in: re-queues retries, plans past given-up and acknowledged fires. */
  List<PendingFire> handle(List<Dispatcher.Result> results, boolean commitAcked) {
    Map<String, Instant> commits = new HashMap<>();
    List<PendingFire> acked = new ArrayList<>();
    for (Dispatcher.Result r : results) {
      for (PendingFire f : r.retry()) {
        inFlight.remove(f.schedule().name());
        Schedule now = schedules.get(f.schedule().name());
        if (f.schedule().equals(now)) {
          queue.add(f);
        } else if (now != null) { // changed by a reload while it failed: planned anew from its last done fire
          replan(now);
        }
      }
      for (PendingFire f : r.acked()) {
        inFlight.remove(f.schedule().name());
        commits.put(f.schedule().name(), f.last());
        lastDone.put(f.schedule().name(), f.last());
        acked.add(f);
      }
      for (PendingFire f : r.givenUp()) {
        inFlight.remove(f.schedule().name());
        Schedule current = schedules.get(f.schedule().name());
        if (current != null) {
          planning.plan(current, f.last(), clock.instant());
        }
      }
      r.notSent().forEach(f -> inFlight.remove(f.schedule().name()));
    }
    if (commitAcked && !commits.isEmpty()) {
      commit.accept(commits);
    }
    Instant sent = clock.instant(); // after the sends: fires that came due meanwhile are planned as missed ones
    for (PendingFire f : acked) {
      planning.fired(f.schedule().name(), f.last());
      Schedule current = schedules.get(f.schedule().name());
      if (current != null) { // null: removed by a reload while in flight
        planning.plan(current, f.last(), sent);
      }
    }
    return acked;
  }

  void markInFlight(String schedule) {
    inFlight.add(schedule);
  }

  boolean inFlight(String schedule) {
    return inFlight.contains(schedule);
  }

  Instant lastDone(String schedule) {
    return lastDone.get(schedule);
  }

  /** Moves a schedule's last done fire forward and checkpoints it (a resume without catch-up). */
  void moveLastDone(String schedule, Instant to) {
    lastDone.put(schedule, to);
    commit.accept(Map.of(schedule, to));
  }

  void unplan(String schedule) {
    queue.removeIf(p -> p.schedule().name().equals(schedule));
  }

  /** Plans an added schedule from now; its "nothing due up to now" checkpoint goes into {@code commits}. */
  void planFresh(Schedule s, Map<String, Instant> commits) {
    Instant now = clock.instant();
    Instant last = fresh(s, now, commits);
    lastDone.put(s.name(), last);
    planning.plan(s, last, now);
  }

  void replan(Schedule s) {
    planning.plan(s, lastDone.get(s.name()), clock.instant());
  }

  void commit(Map<String, Instant> commits) {
    if (!commits.isEmpty()) {
      commit.accept(commits);
    }
  }

  Instant now() {
    return clock.instant();
  }

  Planning planning() {
    return planning;
  }
}
