package dev.bugle.cli;

import dev.bugle.core.Bugle;
import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sun.misc.Signal;

/** {@code bugle run CONFIG}: the service. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs the scheduler: waits for the lock (standby), then fires while it leads.")
final class RunCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    BugleConfig config = options.load();
    try (Components parts = options.assemble(config, InstantSource.system())) {
      parts.open();
      Bugle bugle = new Bugle(config, parts, InstantSource.system());
      // SIGTERM and SIGINT stop firing and release the lock, so that a standby takes over at once, then exit 0.
      Signal.handle(new Signal("TERM"), s -> bugle.stop());
      Signal.handle(new Signal("INT"), s -> bugle.stop());
      return switch (bugle.run()) {
        case STOPPED -> ExitCodes.STOPPED;
        case NOT_ACQUIRED -> ExitCodes.NOT_ACQUIRED;
        case LOST -> ExitCodes.LOST;
      };
    }
  }
}
