package dev.bugle.cli;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.core.ConfigException;
import dev.bugle.core.Pause;
import dev.bugle.core.Schedule;
import dev.bugle.core.internal.Suggest;
import dev.bugle.spi.Controls;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bugle pause} and {@code bugle resume}: write a schedule's pause record into the lock's store (the local
 * lock's directory, or Consul's KV), where every node reads it; the leader applies it within about a second.
 * Neither takes the lock.
 */
abstract class PauseCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Parameters(index = "1", arity = "0..1", paramLabel = "SCHEDULE", description = "The schedule's name.")
  String name;

  @Option(names = "--all", description = "Every schedule of CONFIG.")
  boolean all;

  @Spec
  CommandSpec spec;

  abstract Pause record(String by, java.time.Instant at);

  abstract String verb();

  @Override
  public Integer call() {
    BugleConfig config = options.load();
    List<String> names = names(config);
    InstantSource clock = InstantSource.system();
    try (Components parts = options.assemble(config, clock)) {
      Controls controls = parts.lock().controls().orElseThrow(() -> new ConfigException("bugle.lock",
          "lock '" + config.lockType() + "' keeps no pause records; pause needs a lock that does, e.g. local or consul"));
      Pause p = record(Pause.currentUser(), clock.instant());
      if (!p.paused()) { // a resume concerns paused schedules only: a record on another would skip its misfires
        Map<String, String> now = controls.load();
        List<String> notPaused = names.stream().filter(n -> !now.containsKey(n)
            || !Pause.fromJson(now.get(n)).map(Pause::paused).orElse(false)).toList();
        if (!notPaused.isEmpty()) {
          spec.commandLine().getErr().println("bugle: not paused, left as they are: " + String.join(", ", notPaused));
        }
        names = names.stream().filter(n -> !notPaused.contains(n)).toList();
      }
      Map<String, String> records = new LinkedHashMap<>();
      names.forEach(n -> records.put(n, p.toJson()));
      if (records.isEmpty()) {
        return 0;
      }
      controls.put(records);
      spec.commandLine().getErr().println("bugle: " + verb() + " " + String.join(", ", names) + " (by " + p.by()
          + (p.note().isEmpty() ? "" : ": " + p.note()) + "); the leader applies it within about a second");
    }
    return 0;
  }

  private List<String> names(BugleConfig config) {
    List<String> known = config.schedules().stream().map(Schedule::name).toList();
    if (all == (name != null)) {
      throw new ConfigException("SCHEDULE", "name one schedule or give --all; configured: " + known);
    }
    if (all) {
      return new ArrayList<>(known);
    }
    if (!known.contains(name)) {
      throw new ConfigException("SCHEDULE", "no schedule named '" + name + "'" + Suggest.hint(name, known)
          + "; configured: " + known);
    }
    return List.of(name);
  }

  @Command(name = "pause", mixinStandardHelpOptions = true,
      description = "Pauses a schedule on every node: its fires are skipped (and counted) until it is resumed.")
  static final class Pausing extends PauseCommand {
    @Option(names = "--note", paramLabel = "TEXT", description = "Why, shown by status, the API and the page.")
    String note = "";

    @Override
    Pause record(String by, java.time.Instant at) {
      return new Pause(true, note, by, at, false);
    }

    @Override
    String verb() {
      return "paused";
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true,
      description = "Resumes a paused schedule. The paused period is not sent, unless --catch-up is given.")
  static final class Resuming extends PauseCommand {
    @Option(names = "--catch-up", description = "Send what the pause skipped, per the schedule's misfire policy "
        + "and within its misfire-window.")
    boolean catchUp;

    @Override
    Pause record(String by, java.time.Instant at) {
      return new Pause(false, "", by, at, catchUp);
    }

    @Override
    String verb() {
      return catchUp ? "resumed (with catch-up)" : "resumed";
    }
  }
}
