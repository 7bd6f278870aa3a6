package dev.bugle.backend.delayedjob.internal;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of delayed_job's table. {@code now} is UTC wall time (ActiveRecord's {@code timestamp without time
 * zone}) and is written to {@code run_at}, {@code created_at} and {@code updated_at}.
 */
public record JobRow(UUID fireId, int priority, String handler, String queue, LocalDateTime now) {
  public JobRow {
    Objects.requireNonNull(fireId, "fireId");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(now, "now");
    if (queue != null && queue.isBlank()) {
      throw new IllegalArgumentException("queue must be null or non-blank");
    }
  }
}
