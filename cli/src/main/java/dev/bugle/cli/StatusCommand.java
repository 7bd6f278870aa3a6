package dev.bugle.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.core.Schedule;
import dev.bugle.ops.Delivery;
import dev.bugle.ops.Documents;
import dev.bugle.ops.ScheduleState;
import dev.bugle.spi.LockStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bugle status CONFIG}: reads the lock's store without taking the lock and prints the leader and, per
 * schedule, the last committed fire and the next one. Works with no node running; {@code --json} prints the
 * objects of the status API.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Prints who leads (holder, fencing token, since when) and each schedule's last and next fire, "
        + "read from the lock's store without taking the lock. Exit 1 when the store cannot be read.")
final class StatusCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Option(names = "--json", description = "Prints JSON: {lock, namespace, lock_reachable, lock_problem, leader, schedules}.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BugleConfig config = options.load();
    InstantSource clock = InstantSource.system();
    Map<String, Object> doc = new LinkedHashMap<>();
    LockStatus status;
    List<Map<String, Object>> schedules = new ArrayList<>();
    try (Components parts = options.assemble(config, clock)) {
      status = parts.lock().inspect();
      Map<String, dev.bugle.core.Pause> pauses = readPauses(parts);
      Instant now = clock.instant();
      for (Schedule s : config.schedules()) {
        schedules.add(Documents.schedule(s, Delivery.exactlyOnce(parts.enqueuers().get(s.enqueuer())),
            ScheduleState.NONE, dev.bugle.core.CheckpointKeys.lastFire(status.checkpoints(), s.name()),
            Optional.ofNullable(pauses.get(s.name())), now));
      }
    }
    doc.put("lock", config.lockType());
    doc.put("namespace", config.namespace());
    doc.put("lock_reachable", status.reachable());
    doc.put("lock_problem", status.problem().orElse(null));
    doc.put("leader", Documents.leader(status));
    doc.put("schedules", schedules);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    } else {
      text(out, config, status, schedules);
    }
    out.flush();
    return status.reachable() ? 0 : ExitCodes.UNEXPECTED;
  }

  private static void text(PrintWriter out, BugleConfig config, LockStatus status, List<Map<String, Object>> rows) {
    out.print("lock " + config.lockType() + " (namespace " + config.namespace() + "): ");
    if (!status.reachable()) {
      out.println("cannot read its store: " + status.problem().orElse("unknown"));
    } else if (status.holder().isEmpty()) {
      out.println("nobody holds it" + (status.fencingToken().isPresent()
          ? " (last fencing token " + status.fencingToken().getAsLong() + ")" : ""));
    } else {
      out.println("held by " + status.holder().get()
          + (status.fencingToken().isPresent() ? ", fencing token " + status.fencingToken().getAsLong() : "")
          + status.since().map(t -> ", since " + t).orElse(""));
    }
    out.println("schedules:");
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> r = rows.get(i);
      Schedule s = config.schedules().get(i);
      out.println("  " + s.name() + ": last fire " + local(r.get("last_fire"), s)
          + (r.get("last_fire") == null ? "" : " (committed)") + "; next fire " + local(r.get("next_fire"), s)
          + (Boolean.TRUE.equals(r.get("exactly_once")) ? "; exactly once" : "; at-least-once"));
    }
  }

  private static String local(Object instant, Schedule s) {
    return instant == null ? "never" : NextCommand.FORMAT.format(Instant.parse((String) instant).atZone(s.zone()));
  }

  private static Map<String, dev.bugle.core.Pause> readPauses(Components parts) {
    try {
      return parts.lock().controls().map(c -> dev.bugle.core.internal.PauseWatch.parse(c.load())).orElse(Map.of());
    } catch (RuntimeException e) {
      return Map.of(); // the store's problem is reported with the lock's status
    }
  }
}
