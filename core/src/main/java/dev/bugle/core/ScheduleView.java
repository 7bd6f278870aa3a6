package dev.bugle.core;

import java.time.Instant;
import java.util.Optional;

/**
 * A schedule as this node last knew it, for embedders: its next fire and its last fire (empty when it never
 * fired), from the listener seam. A standby knows what it saw while it last led, or nothing.
 */
public record ScheduleView(String name, Optional<Instant> nextFire, Optional<Instant> lastFire) {
}
