package dev.bugle.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A reload: applied (with what it changed) or refused (with every problem, each naming its key; the old
 * configuration keeps running).
 *
 * @param trigger what asked for it ({@code SIGHUP}, {@code the file changed}, {@code api})
 * @param problems why it was refused, masked of secrets; empty when applied
 */
public record ReloadEvent(Instant at, String trigger, boolean applied, List<String> added, List<String> changed,
    List<String> removed, List<String> problems) {
  public ReloadEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(trigger, "trigger");
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
    problems = List.copyOf(problems);
  }
}
