package dev.bugle.cli;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.core.Schedule;
import dev.bugle.spi.Enqueuer;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bugle backfill CONFIG SCHEDULE --from A --to B}: every fire of one schedule in [A, B), with the fires' own
 * ids, so that a deduplicating backend absorbs the ones it already holds. Like {@code enqueue}, it takes no lock and
 * writes no checkpoint: the running scheduler's plan is untouched.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = "Enqueues every fire of one schedule in [--from, --to) with the fires' stable ids (no lock taken).")
final class BackfillCommand implements Callable<Integer> {
  static final int BATCH = 500;

  @Mixin
  ConfigOptions options;

  @Parameters(index = "1", paramLabel = "SCHEDULE", description = "The schedule's name.")
  String name;

  @Option(names = "--from", required = true, paramLabel = "INSTANT",
      description = "The first instant, included (ISO-8601 with an offset, e.g. 2026-12-01T00:00:00Z).")
  String from;

  @Option(names = "--to", required = true, paramLabel = "INSTANT", description = "The end, excluded.")
  String to;

  @Option(names = "--dry-run", description = "Lists the fires in the schedule's zone and sends nothing.")
  boolean dryRun;

  @Option(names = "--limit", defaultValue = "1000", paramLabel = "N",
      description = "Refuses more fires than this (default ${DEFAULT-VALUE}).")
  int limit;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (limit < 1) {
      throw new ConfigException("--limit", "must be at least 1; for example: --limit 1000");
    }
    Instant start = instant("--from", from);
    Instant end = instant("--to", to);
    if (!start.isBefore(end)) {
      throw new ConfigException("--to", "must be after --from (" + from + "); for example: --from "
          + "2026-12-01T00:00:00Z --to 2026-12-08T00:00:00Z");
    }
    BugleConfig config = options.load();
    Schedule s = config.schedule(name).orElseThrow(() -> new ConfigException("SCHEDULE", "no schedule named '"
        + name + "'; configured: " + config.schedules().stream().map(Schedule::name).toList()));
    FireRange range = FireRange.of(s.trigger(), start, end, limit);
    String span = "schedule '" + s.name() + "' in [" + start + ", " + end + ")";
    if (range.total() > limit) {
      throw new ConfigException("--limit", span + " has " + range.describeTotal() + " fires, more than --limit "
          + limit + "; nothing was sent. Narrow --from/--to, or raise the limit, for example: --limit "
          + range.total());
    }
    PrintWriter err = spec.commandLine().getErr();
    InstantSource clock = InstantSource.system();
    try (Components parts = options.assemble(config, clock)) {
      if (dryRun) {
        PrintWriter out = spec.commandLine().getOut();
        range.fires().forEach(t -> out.println(s.name() + "\t" + NextCommand.FORMAT.format(t.atZone(s.zone()))));
        out.flush();
        err.println("bugle: dry run: " + range.fires().size() + " fire(s) of " + span + "; nothing was sent");
        return 0;
      }
      parts.open();
      Enqueuer enqueuer = parts.enqueuers().get(s.enqueuer());
      warnAboutMemory(err, enqueuer, s, start, clock.instant());
      return send(err, enqueuer, s, config.namespace(), range.fires(), span);
    }
  }

  private int send(PrintWriter err, Enqueuer enqueuer, Schedule s, String namespace, List<Instant> fires,
      String span) {
    int done = 0;
    long there = 0;
    boolean known = true;
    try {
      for (int i = 0; i < fires.size(); i += BATCH) {
        List<JobRequest> batch = new ArrayList<>();
        fires.subList(i, Math.min(fires.size(), i + BATCH)).forEach(t -> batch.add(s.requestAt(namespace, t)));
        Optional<Set<UUID>> duplicates = enqueuer.enqueueAllReportingDuplicates(batch);
        known &= duplicates.isPresent();
        there += duplicates.map(Set::size).orElse(0);
        done += batch.size();
      }
    } catch (EnqueueException e) {
      err.println("bugle: backfill of " + span + " stopped after " + done + " of " + fires.size() + " fire(s): "
          + e.getMessage() + "; running it again re-sends them with the same ids");
      return ExitCodes.UNEXPECTED;
    }
    err.println("bugle: backfill of " + span + " via '" + s.enqueuer() + "': " + fires.size() + " fire(s), "
        + (known ? (fires.size() - there) + " sent, " + there + " were already there"
            : fires.size() + " sent (the enqueuer cannot tell which were already there)"));
    return 0;
  }

  /** Says when part of the range lies beyond what the backend remembers: those fires are sent even if they were. */
  private static void warnAboutMemory(PrintWriter err, Enqueuer enqueuer, Schedule s, Instant start, Instant now) {
    if (!enqueuer.deduplicates()) {
      err.println("bugle: warning: enqueuer '" + s.enqueuer() + "' is at-least-once: fires it already received are"
          + " sent again");
    } else {
      enqueuer.dedupeRetention().filter(r -> start.isBefore(now.minus(r.duration()))).ifPresent(r -> err.println(
          "bugle: warning: enqueuer '" + s.enqueuer() + "' keeps fire ids " + r.describe() + ": fires before "
              + now.minus(r.duration()) + " are sent again even if they were sent before"));
    }
  }

  private static Instant instant(String option, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new ConfigException(option, "invalid instant '" + text + "'; for example: " + option
          + " 2026-12-01T00:00:00Z");
    }
  }
}
