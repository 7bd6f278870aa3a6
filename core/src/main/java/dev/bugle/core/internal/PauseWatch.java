package dev.bugle.core.internal;

import dev.bugle.core.Pause;
import dev.bugle.core.Secrets;
import dev.bugle.spi.Controls;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the pause records from the lock's store once a second, on a thread of its own (the read is I/O), and
 * hands them to the scheduler when they changed, so that a pause takes effect within about a second. A store
 * that cannot be read keeps the records last read, and says so once until it can be read again.
 */
public final class PauseWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PauseWatch.class);
  private static final long PERIOD_MILLIS = 1_000;
  private final Controls controls;
  private final Scheduler scheduler;
  private final Thread thread;
  private volatile boolean closed;
  private Map<String, String> last;

  public PauseWatch(Controls controls, Scheduler scheduler, Map<String, String> initial) {
    this.controls = controls;
    this.scheduler = scheduler;
    this.last = initial;
    this.thread = new Thread(this::loop, "bugle-pauses");
    thread.setDaemon(true);
  }

  /** The pause records in {@code raw}; unreadable records are logged and left out. */
  public static Map<String, Pause> parse(Map<String, String> raw) {
    Map<String, Pause> pauses = new HashMap<>();
    raw.forEach((name, json) -> Pause.fromJson(json).ifPresentOrElse(p -> pauses.put(name, p),
        () -> LOG.warn("pause record of schedule '{}' cannot be read; ignored", name)));
    return pauses;
  }

  public void start() {
    thread.start();
  }

  private void loop() {
    boolean failing = false;
    while (!closed) {
      try {
        Thread.sleep(PERIOD_MILLIS);
        Map<String, String> now = controls.load();
        if (failing) {
          LOG.info("pause records readable again");
          failing = false;
        }
        if (!now.equals(last)) {
          last = now;
          scheduler.applyPauses(parse(now));
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!failing) {
          LOG.warn("cannot read the pause records (the last ones read stay in force): {}",
              Secrets.maskUrls(String.valueOf(e.getMessage())));
          failing = true;
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
