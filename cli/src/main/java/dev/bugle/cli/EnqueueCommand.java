package dev.bugle.cli;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import dev.bugle.core.Schedule;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bugle enqueue CONFIG SCHEDULE}: one manual fire of one schedule, now. It takes no lock and writes no
 * checkpoint, so the running scheduler's plan (its next fire, its misfire handling) is untouched; the fire's id is
 * derived from the instant now, as for any fire.
 */
@Command(name = "enqueue", mixinStandardHelpOptions = true,
    description = "Enqueues one schedule's job once, now (a manual run; it does not take the lock).")
final class EnqueueCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Parameters(index = "1", paramLabel = "SCHEDULE", description = "The schedule's name.")
  String name;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    BugleConfig config = options.load();
    Schedule s = config.schedule(name).orElseThrow(() -> new ConfigException("SCHEDULE", "no schedule named '"
        + name + "'; configured: " + config.schedules().stream().map(Schedule::name).toList()));
    InstantSource clock = InstantSource.system();
    try (Components parts = options.assemble(config, clock)) {
      parts.open();
      JobRequest job = s.requestAt(config.namespace(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
      parts.enqueuers().get(s.enqueuer()).enqueueAll(List.of(job));
      spec.commandLine().getErr().println("bugle: manual fire of schedule '" + s.name() + "' enqueued via '"
          + s.enqueuer() + "': fire id " + job.id() + ", instant " + job.scheduledAt() + " ("
          + NextCommand.FORMAT.format(job.scheduledAt().atZone(s.zone())) + " " + s.zone() + "), job " + s.job()
          + "; no lock taken, no checkpoint written: the schedule's plan is unchanged");
    }
    return 0;
  }

}
