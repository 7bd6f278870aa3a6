package dev.bugle.core.internal;

import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.FireEvent;
import dev.bugle.core.event.FireOutcome;
import dev.bugle.core.event.SchedulePlanned;
import dev.bugle.core.event.StateChange;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's log, written from the listener seam, so that the log and the metrics count the same fires. State
 * changes are one line each ({@code leading: ...}). Acknowledged fires of one send are one line, written when the
 * planner goes on (its next event); retries are logged on attempts 1, 2, 4, 8, ... so that a backend that stays
 * down does not flood the log; given-up and skipped fires are always logged with their count and instants.
 */
public final class LoggingListener implements BugleListener {
  private static final Logger STATE = LoggerFactory.getLogger("dev.bugle.core.Bugle");
  private static final Logger FIRES = LoggerFactory.getLogger("dev.bugle.core.Fires");

  private final List<FireEvent> batch = new ArrayList<>();

  @Override
  public void onStateChange(StateChange c) {
    flush();
    String line = c.state().label() + ": " + c.detail().orElse("");
    switch (c.state()) {
      case LOST -> STATE.warn(line);
      default -> STATE.info(line);
    }
  }

  @Override
  public void onPlanned(SchedulePlanned planned) {
    flush();
  }

  @Override
  public void onFire(FireEvent e) {
    if (e.outcome() == FireOutcome.ENQUEUED || e.outcome() == FireOutcome.DEDUPLICATED) {
      if (!batch.isEmpty() && !sameSend(batch.get(0), e)) {
        flush();
      }
      batch.add(e);
      return;
    }
    flush();
    String fires = e.count() == 1 ? "fire " + e.first() : e.count() + " fire(s) " + e.first() + " to " + e.last();
    switch (e.outcome()) {
      case RETRYING -> {
        if (Integer.bitCount(e.attempt()) == 1) {
          FIRES.warn("enqueue via '{}' failed for schedule '{}' (attempt {}), retrying: {}", e.enqueuer(),
              e.schedule(), e.attempt(), e.error().orElse(""));
        }
      }
      case GIVEN_UP -> FIRES.error("schedule '{}': gave up {} via '{}' after {} attempt(s): {}", e.schedule(), fires,
          e.enqueuer(), e.attempt(), e.error().orElse(""));
      case SKIPPED_MISFIRE -> FIRES.warn("schedule '{}': {} missed fire(s) not sent, from {} to {} ({})", e.schedule(),
          e.count(), e.first(), e.last(), e.error().orElse(""));
      case SKIPPED_PAUSED -> FIRES.info("schedule '{}': {} skipped while paused ({})", e.schedule(), fires,
          e.error().orElse(""));
      case MANUAL -> FIRES.info("schedule '{}': manual {} enqueued via '{}'", e.schedule(), fires, e.enqueuer());
      default -> FIRES.info("schedule '{}': {} {}", e.schedule(), e.outcome().label(), fires);
    }
  }

  private static boolean sameSend(FireEvent a, FireEvent b) {
    return a.enqueuer().equals(b.enqueuer()) && a.sentAt().equals(b.sentAt()) && a.at().equals(b.at());
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    FireEvent head = batch.get(0);
    int jobs = 0;
    int duplicates = 0;
    StringBuilder sb = new StringBuilder();
    for (FireEvent e : batch) {
      jobs += e.count();
      duplicates += e.outcome() == FireOutcome.DEDUPLICATED ? e.count() : 0;
      if (sb.length() < 200) {
        sb.append(sb.length() == 0 ? "" : ", ").append(e.schedule()).append('@').append(e.last());
      }
    }
    if (sb.length() >= 200) {
      sb.append(", …");
    }
    long ms = java.time.Duration.between(head.sentAt(), head.at()).toMillis();
    FIRES.info("enqueued {} job(s) via '{}'{} (sent at {}, acknowledged in {} ms): {}", jobs, head.enqueuer(),
        duplicates == 0 ? "" : ", " + duplicates + " of them already there", head.sentAt(), ms, sb);
    batch.clear();
  }
}
