package dev.bugle.cli;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.core.Schedule;
import dev.bugle.core.Secrets;
import dev.bugle.core.internal.Values;
import dev.bugle.ops.Delivery;
import dev.bugle.ops.OpsSettings;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bugle check CONFIG}: validates everything, connects to nothing, prints the schedules, secrets masked. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Validates the configuration (exit 2 on any mistake) and prints it with each schedule's next fire.")
final class CheckCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    BugleConfig config = options.load();
    OpsSettings.from(config); // bugle.http.* and bugle.metrics.*: a bad value is exit 2 here too
    InstantSource clock = InstantSource.system();
    Set<String> secrets;
    Map<String, String> delivery = new HashMap<>();
    try (Components parts = options.assemble(config, clock)) {
      secrets = parts.secretKeys();
      parts.enqueuers().forEach((name, e) -> delivery.put(name, Delivery.describe(e)));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("configuration " + options.file + ": OK");
    out.println("properties:");
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(config.properties()).entrySet()) {
      String template = config.templates().get(e.getKey());
      String shown;
      if (secrets.contains(e.getKey()) && !e.getValue().isEmpty()) {
        shown = Secrets.MASK;
      } else if (template != null) {
        // What the environment holds may be a secret (an API key in args, say): show the value as written.
        shown = Values.show(Secrets.display(e.getKey(), template)) + "   (from the environment)";
      } else {
        shown = Values.show(Secrets.display(e.getKey(), e.getValue())); // escaped, and never a huge value whole
      }
      out.println("  " + e.getKey() + "=" + shown);
    }
    out.println("schedules:");
    Instant now = clock.instant();
    for (Schedule s : config.schedules()) {
      String next = s.trigger().nextAfter(now).map(t -> NextCommand.FORMAT.format(t.atZone(s.zone()))).orElse("never");
      out.println("  " + s.name() + ": " + s.trigger().describe() + " -> " + s.job() + " via '" + s.enqueuer()
          + "' [" + delivery.get(s.enqueuer()) + "], misfire " + s.describeMisfire() + "; next fire " + next);
    }
    out.flush();
    return 0;
  }
}
