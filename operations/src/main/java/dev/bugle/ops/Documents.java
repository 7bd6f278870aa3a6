package dev.bugle.ops;

import dev.bugle.core.Schedule;
import dev.bugle.core.Secrets;
import dev.bugle.core.event.FireEvent;
import dev.bugle.core.event.FireOutcome;
import dev.bugle.spi.LockStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON objects of the status API, built as ordered maps for Jackson; {@code bugle status --json} prints the
 * same ones. Only names, times, outcomes and masked errors go in: no setting, so no secret.
 */
public final class Documents {
  private Documents() {
  }

  /**
   * One schedule: what the node's events say ({@code state}, when a leader planned it), else what the lock's
   * store says ({@code storedLastFire}, from {@link dev.bugle.core.CheckpointKeys#lastFire}: empty when it never
   * fired) and the trigger's next instant after {@code now}.
   */
  public static Map<String, Object> schedule(Schedule s, boolean exactlyOnce, ScheduleState state,
      Optional<Instant> storedLastFire, Optional<dev.bugle.core.Pause> pause, Instant now) {
    Optional<Instant> next = state.planned() ? state.nextFire() : s.trigger().nextAfter(now);
    Optional<Instant> last = state.planned() || state.lastFire().isPresent() ? state.lastFire()
        : storedLastFire;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("trigger", s.trigger().describe());
    m.put("time_zone", s.zone().getId());
    m.put("enqueuer", s.enqueuer());
    m.put("exactly_once", exactlyOnce);
    m.put("next_fire", text(next));
    m.put("last_fire", text(last));
    m.put("last_outcome", state.lastOutcome().map(FireOutcome::label).orElse(null));
    m.put("last_outcome_at", text(state.lastOutcomeAt()));
    m.put("last_error", state.lastError().map(Secrets::maskUrls).orElse(null));
    m.put("last_error_at", text(state.lastErrorAt()));
    m.put("missed", state.missed());
    m.put("given_up", state.givenUp());
    m.put("failing", state.failing());
    boolean paused = pause.map(dev.bugle.core.Pause::paused).orElse(false);
    m.put("paused", paused);
    m.put("pause_note", paused ? pause.get().note() : null);
    m.put("paused_by", paused ? pause.get().by() : null);
    m.put("paused_at", paused ? pause.get().at().toString() : null);
    m.put("skipped_paused", state.skippedPaused());
    return m;
  }

  /** A reload: when, what asked, applied or refused, what it changed, and every problem (masked). */
  public static Map<String, Object> reload(dev.bugle.core.event.ReloadEvent r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", r.at().toString());
    m.put("trigger", r.trigger());
    m.put("applied", r.applied());
    m.put("added", r.added());
    m.put("changed", r.changed());
    m.put("removed", r.removed());
    m.put("problems", r.problems().stream().map(Secrets::maskUrls).toList());
    return m;
  }

  /** One recent fire, with its lateness in seconds. */
  public static Map<String, Object> fire(FireEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schedule", e.schedule());
    m.put("enqueuer", e.enqueuer());
    m.put("outcome", e.outcome().label());
    m.put("first", e.first().toString());
    m.put("last", e.last().toString());
    m.put("count", e.count());
    m.put("due_at", e.dueAt().toString());
    m.put("at", e.at().toString());
    m.put("lateness_seconds", e.lateness().toNanos() / 1e9);
    m.put("attempt", e.attempt());
    m.put("error", e.error().map(Secrets::maskUrls).orElse(null));
    return m;
  }

  /** Who holds the lock as its store tells it, or null when nobody does or the store cannot tell. */
  public static Map<String, Object> leader(LockStatus status) {
    if (!status.reachable() || status.holder().isEmpty()) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("holder", status.holder().get());
    m.put("fencing_token", status.fencingToken().isPresent() ? status.fencingToken().getAsLong() : null);
    m.put("since", text(status.since()));
    m.put("self", false);
    return m;
  }

  static String text(Optional<Instant> t) {
    return t.map(Instant::toString).orElse(null);
  }
}
