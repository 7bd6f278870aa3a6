package dev.bugle.cli;

import dev.bugle.core.ConfigException;
import dev.bugle.core.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bugle} command. */
@Command(name = "bugle", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Enqueues recurring jobs into the worker stacks you already run, guarded by a leader lock.",
    subcommands = {RunCommand.class, CheckCommand.class, NextCommand.class, EnqueueCommand.class,
        BackfillCommand.class, PauseCommand.Pausing.class, PauseCommand.Resuming.class,
        StatusCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped by SIGTERM/SIGINT (lock released)", "1:unexpected error",
        "2:bad configuration or usage", "3:lock not acquired within bugle.lock.wait",
        "4:lock lost (bugle.lock.on-lost=exit)"})
public final class Main {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (tests call this without exiting). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ConfigException) {
        cmd.getErr().println("bugle: configuration error: " + Secrets.maskUrls(e.getMessage()));
        return ExitCodes.CONFIG;
      }
      cmd.getErr().println("bugle: unexpected error: " + Secrets.maskUrls(String.valueOf(e)));
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        cmd.getErr().println("  caused by: " + Secrets.maskUrls(String.valueOf(c)));
      }
      return ExitCodes.UNEXPECTED;
    });
    return cli.execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"bugle " + (v == null ? "development build" : v)};
    }
  }
}
