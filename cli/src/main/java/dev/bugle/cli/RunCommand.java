package dev.bugle.cli;

import dev.bugle.core.Bugle;
import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.ops.NodeView;
import dev.bugle.ops.Operations;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sun.misc.Signal;

/** {@code bugle run CONFIG}: the service. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs the scheduler: waits for the lock (standby), then fires while it leads. SIGHUP, or a change "
        + "of CONFIG, reloads it without releasing the lock.")
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin
  ConfigOptions options;

  private final AtomicReference<Bugle> running = new AtomicReference<>();
  private final AtomicReference<Reloader> reloader = new AtomicReference<>();
  private final Object phase = new Object();
  private volatile boolean stopRequested;
  private Thread opener; // guarded by phase: the thread inside Components.open(), which a stop interrupts

  @Override
  public Integer call() throws Exception {
    // SIGTERM and SIGINT stop firing and release the lock, so that a standby takes over at once, then exit 0.
    // Installed first: a signal during start-up (validation, opening the backends) is a stop too. SIGHUP
    // reloads; the JVM's default for it would exit (129) without releasing the lock.
    Signal.handle(new Signal("TERM"), s -> stop());
    Signal.handle(new Signal("INT"), s -> stop());
    Signal.handle(new Signal("HUP"), s -> reload());
    BugleConfig config = options.load();
    Components parts = options.assemble(config, InstantSource.system());
    Bugle bugle = null;
    Operations ops = null;
    try {
      ops = Operations.create(config, InstantSource.system()); // checks bugle.http.* before connecting
      if (!open(parts)) {
        LOG.info("stopped during start-up, before contending for the lock");
        return ExitCodes.STOPPED; // a backend left hanging is Components.close()'s to bound
      }
      bugle = new Bugle(config, parts, InstantSource.system());
      ops.listeners().forEach(bugle::addListener);
      ops.start(NodeView.of(bugle)); // the HTTP server, when bugle.http.port is set
      running.set(bugle);
      if (stopRequested) {
        return ExitCodes.STOPPED;
      }
      Reloader r = new Reloader(options, bugle);
      try (ConfigWatcher watcher = new ConfigWatcher(options.file, () -> r.reload("the file changed"))) {
        reloader.set(r);
        watcher.start();
        return switch (bugle.run()) {
          case STOPPED -> ExitCodes.STOPPED;
          case NOT_ACQUIRED -> ExitCodes.NOT_ACQUIRED;
          case LOST -> ExitCodes.LOST;
        };
      }
    } finally {
      reloader.set(null);
      if (ops != null) {
        ops.close();
      }
      (bugle == null ? parts : bugle.parts()).close(); // the parts running now, after any reload
    }
  }

  private void reload() {
    Reloader r = reloader.get();
    if (r == null) {
      LOG.warn("SIGHUP ignored: the node is starting or stopping");
      return;
    }
    r.reload("SIGHUP");
  }

  /** Opens the backends; false if a stop came first or ended the open (a backend may hang connecting). */
  private boolean open(Components parts) throws InterruptedException {
    synchronized (phase) {
      if (stopRequested) {
        return false;
      }
      opener = Thread.currentThread();
    }
    try {
      parts.open();
    } catch (InterruptedException e) {
      if (stopRequested) {
        return false;
      }
      throw e;
    } finally {
      synchronized (phase) {
        opener = null;
        Thread.interrupted(); // a stop's interrupt that came as open returned must not reach the lock
      }
    }
    return !stopRequested;
  }

  private void stop() {
    synchronized (phase) {
      stopRequested = true;
      if (opener != null) {
        opener.interrupt();
      }
    }
    Bugle bugle = running.get();
    if (bugle != null) {
      bugle.stop();
    }
  }
}
