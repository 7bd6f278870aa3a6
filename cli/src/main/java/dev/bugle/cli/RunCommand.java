package dev.bugle.cli;

import dev.bugle.core.Bugle;
import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sun.misc.Signal;

/** {@code bugle run CONFIG}: the service. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs the scheduler: waits for the lock (standby), then fires while it leads.")
final class RunCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  private final AtomicReference<Bugle> running = new AtomicReference<>();
  private volatile boolean stopRequested;

  @Override
  public Integer call() throws Exception {
    // SIGTERM and SIGINT stop firing and release the lock, so that a standby takes over at once, then exit 0.
    // Installed first: a signal during start-up (validation, opening the backends) is a stop too.
    Signal.handle(new Signal("TERM"), s -> stop());
    Signal.handle(new Signal("INT"), s -> stop());
    BugleConfig config = options.load();
    try (Components parts = options.assemble(config, InstantSource.system())) {
      parts.open();
      Bugle bugle = new Bugle(config, parts, InstantSource.system());
      running.set(bugle);
      if (stopRequested) {
        return ExitCodes.STOPPED;
      }
      return switch (bugle.run()) {
        case STOPPED -> ExitCodes.STOPPED;
        case NOT_ACQUIRED -> ExitCodes.NOT_ACQUIRED;
        case LOST -> ExitCodes.LOST;
      };
    }
  }

  private void stop() {
    stopRequested = true;
    Bugle bugle = running.get();
    if (bugle != null) {
      bugle.stop();
    }
  }
}
