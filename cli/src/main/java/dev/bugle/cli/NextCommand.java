package dev.bugle.cli;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.ConfigException;
import dev.bugle.core.Schedule;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bugle next CONFIG}: the coming fires, one line each. */
@Command(name = "next", mixinStandardHelpOptions = true,
    description = "Prints the next fires of each schedule: NAME<TAB>time in the schedule's zone, in time order.")
final class NextCommand implements Callable<Integer> {
  static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  @Mixin
  ConfigOptions options;

  @Option(names = "--count", defaultValue = "5", description = "Fires per schedule (default ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--schedule", paramLabel = "NAME", description = "Only this schedule.")
  String schedule;

  @Option(names = "--from", paramLabel = "INSTANT", description = "Fires strictly after this ISO-8601 instant (default now).")
  String from;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (count < 1) {
      throw new ConfigException("--count", "must be at least 1; for example: --count 5");
    }
    BugleConfig config = options.load();
    Instant start = from == null ? Instant.now() : parseFrom(from);
    List<Schedule> chosen = schedule == null ? config.schedules()
        : List.of(config.schedule(schedule).orElseThrow(() -> new ConfigException("--schedule",
            "no schedule named '" + schedule + "'; configured: "
                + config.schedules().stream().map(Schedule::name).toList())));
    PrintWriter out = spec.commandLine().getOut();
    for (Schedule s : chosen) {
      Instant t = start;
      for (int i = 0; i < count; i++) {
        Optional<Instant> next = s.trigger().nextAfter(t);
        if (next.isEmpty()) {
          break;
        }
        t = next.get();
        out.println(s.name() + "\t" + FORMAT.format(t.atZone(s.zone())));
      }
    }
    out.flush();
    return 0;
  }

  private static Instant parseFrom(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new ConfigException("--from", "invalid instant '" + text + "'; for example: --from 2026-03-07T00:00:00Z");
    }
  }
}
