package dev.bugle.core;

import dev.bugle.core.internal.CronExpressions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cron expression in a time zone, with Vixie cron's daylight-saving rules: a schedule with a fixed hour
 * fires exactly once on each matching local day (a time inside a spring-forward gap fires at the first
 * instant after the gap; a time inside the fall-back overlap fires once, at its first occurrence), and a
 * schedule whose hour field is a wildcard or a step follows elapsed time.
 *
 * <p>cron-utils already does all of this but one case: it skips a fixed-hour fire that falls inside a
 * spring-forward gap. {@link #nextAfter} adds that fire back at the gap's end.
 */
public final class CronTrigger implements Trigger {
  /** One trigger per expression and zone, shared by every schedule that uses them; see {@link #nextAfter}. */
  private static final Map<List<Object>, CronTrigger> SHARED = new ConcurrentHashMap<>();

  private final CronExpressions.Parsed cron;
  private final ZoneId zone;
  private volatile Answer last;

  /** The last question asked and its answer. */
  private record Answer(Instant after, Optional<Instant> next) {
  }

  private CronTrigger(CronExpressions.Parsed cron, ZoneId zone) {
    this.cron = cron;
    this.zone = zone;
  }

  /** Parses {@code expression}; an {@link IllegalArgumentException} with parsable examples when it is bad. */
  public static CronTrigger of(String expression, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    CronExpressions.Parsed parsed = CronExpressions.parse(Objects.requireNonNull(expression, "expression"));
    return SHARED.computeIfAbsent(List.of(parsed.expression(), zone), k -> new CronTrigger(parsed, zone));
  }

  public String expression() {
    return cron.expression();
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * The first fire strictly after {@code after}. Schedules sharing an expression and a zone share this trigger,
   * and are planned from the same instant (start-up, or a fire they had in common), so the last answer is kept:
   * a large configuration computes each distinct next fire once, not once per schedule.
   */
  @Override
  public Optional<Instant> nextAfter(Instant after) {
    Answer a = last;
    if (a != null && a.after().equals(after)) {
      return a.next();
    }
    Optional<Instant> next = compute(after);
    last = new Answer(after, next);
    return next;
  }

  private Optional<Instant> compute(Instant after) {
    Optional<Instant> next = cron.executionTime().nextExecution(ZonedDateTime.ofInstant(after, zone))
        .map(ZonedDateTime::toInstant);
    if (!cron.fixedHour()) {
      return next;
    }
    Optional<Instant> gapFire = firstGapFire(after, next.orElse(after.plusSeconds(400L * 86_400)));
    if (gapFire.isPresent() && (next.isEmpty() || gapFire.get().isBefore(next.get()))) {
      return gapFire;
    }
    return next;
  }

  /** The end of the first spring-forward gap in (after, until] whose skipped local times match the cron. */
  private Optional<Instant> firstGapFire(Instant after, Instant until) {
    ZoneRules rules = zone.getRules();
    ZoneOffsetTransition t = rules.nextTransition(after);
    while (t != null && !t.getInstant().isAfter(until)) {
      if (t.isGap() && matchesWithin(t.getDateTimeBefore(), t.getDateTimeAfter())) {
        return Optional.of(t.getInstant());
      }
      t = rules.nextTransition(t.getInstant());
    }
    return Optional.empty();
  }

  /** Whether the cron matches a local time in [from, to), judged on the wall clock alone. */
  private boolean matchesWithin(LocalDateTime from, LocalDateTime to) {
    return cron.executionTime().nextExecution(from.minusNanos(1).atZone(ZoneOffset.UTC))
        .map(z -> z.toLocalDateTime().isBefore(to))
        .orElse(false);
  }

  @Override
  public String describe() {
    return "cron '" + cron.expression() + "' in " + zone.getId();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CronTrigger c && c.cron.expression().equals(cron.expression()) && c.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cron.expression(), zone);
  }

  @Override
  public String toString() {
    return describe();
  }
}
