package dev.bugle.core;

import java.time.Instant;
import java.util.Optional;

/** When a schedule fires: {@link CronTrigger}, {@link EveryTrigger} or {@link AtTrigger}. */
public sealed interface Trigger permits CronTrigger, EveryTrigger, AtTrigger {

  /** The first fire strictly after {@code after}, or empty when there is none (a past {@code at}). */
  Optional<Instant> nextAfter(Instant after);

  /** The trigger as the user wrote it, for {@code bugle check}. */
  String describe();
}
