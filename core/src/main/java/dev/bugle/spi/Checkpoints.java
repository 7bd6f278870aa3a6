package dev.bugle.spi;

import dev.bugle.core.LeaseLostException;
import java.time.Instant;
import java.util.Map;

/**
 * The scheduled instant of the last fire committed for each schedule. A new leader reads them to know which
 * fires it missed. Writes are fenced: they fail once the lease that owns them is gone.
 */
public interface Checkpoints {

  /** Every schedule's last committed fire, by schedule name. */
  Map<String, Instant> load();

  /**
   * Records these fires as enqueued (schedule name to scheduled instant) in one atomic write. A schedule's
   * checkpoint only moves forward: an instant older than the stored one is ignored.
   *
   * @throws LeaseLostException if the lease is no longer held; nothing is written then
   */
  void commit(Map<String, Instant> fires) throws LeaseLostException;
}
