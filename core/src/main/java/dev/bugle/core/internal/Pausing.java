package dev.bugle.core.internal;

import dev.bugle.core.Pause;
import dev.bugle.core.Schedule;
import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.FireEvent;
import dev.bugle.core.event.FireOutcome;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pause and resume on the planner: a paused schedule's fires are skipped as they come due (a
 * {@code SKIPPED_PAUSED} event each) without moving its checkpoint; on resume it is planned from the resume
 * (its checkpoint moves there, so the paused period is not sent, also not by a later leader) or, with
 * {@code catch-up}, from its checkpoint, so that its misfire policy sends what the pause skipped.
 */
final class Pausing {
  private static final Logger LOG = LoggerFactory.getLogger(Pausing.class);
  private final PlanBook book;
  private final BugleListener events;

  Pausing(PlanBook book, BugleListener events) {
    this.book = book;
    this.events = events;
  }

  void skip(PendingFire f, Pause p, Instant now) {
    Schedule s = f.schedule();
    events.onFire(new FireEvent(s.name(), s.enqueuer(), FireOutcome.SKIPPED_PAUSED, f.scheduledAt().get(0), f.last(),
        f.scheduledAt().size(), f.last().plus(s.jitterOffset()), now, now, 0,
        Optional.of("paused by " + p.by() + " at " + p.at() + (p.note().isEmpty() ? "" : ": " + p.note()))));
    book.planning().plan(s, f.last(), now);
  }

  /** Replaces the pause records in force with {@code records}, acting on each schedule whose state changed. */
  void apply(Map<String, Pause> records) {
    Map<String, Pause> pauses = book.pauses;
    Map<String, Pause> before = new HashMap<>(pauses);
    pauses.clear();
    pauses.putAll(records);
    for (Schedule s : book.schedules.values()) {
      Pause was = before.get(s.name());
      Pause now = records.get(s.name());
      boolean wasPaused = was != null && was.paused();
      boolean isPaused = now != null && now.paused();
      if (isPaused && !wasPaused) {
        LOG.info("schedule '{}' paused by {}{}", s.name(), now.by(), now.note().isEmpty() ? "" : ": " + now.note());
      } else if (wasPaused && !isPaused) {
        resume(s, now);
      }
    }
  }

  private void resume(Schedule s, Pause resumed) {
    Instant last = book.lastDone(s.name());
    boolean catchUp = resumed != null && resumed.catchUp();
    if (!catchUp && last != null) {
      Instant from = resumed == null ? book.now() : resumed.planFrom(last);
      if (from.isAfter(last)) {
        book.moveLastDone(s.name(), from);
      }
    }
    LOG.info("schedule '{}' resumed{}{}", s.name(), resumed == null ? "" : " by " + resumed.by(),
        catchUp ? ", sending what the pause skipped within its misfire window" : "");
    if (!book.inFlight(s.name())) {
      book.unplan(s.name());
      book.replan(s);
    }
  }
}
