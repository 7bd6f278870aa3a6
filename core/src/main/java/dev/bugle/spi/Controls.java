package dev.bugle.spi;

import java.util.Map;

/**
 * Run-time controls kept in the lock's store beside the checkpoints, so that every node sees them and they
 * survive a failover: today, which schedules are paused. Tools that hold no lease ({@code bugle pause}) write
 * them; the leader reads them about once a second. Writes are not fenced by a lease: a pause is an operator's
 * instruction, not a fire.
 */
public interface Controls {

  /** Every record, by schedule name; each value is a JSON object written by Bugle. Reads the store now. */
  Map<String, String> load();

  /**
   * Writes these records in one atomic read-modify-write, keeping the others; a null value removes a record.
   *
   * @throws dev.bugle.core.LockException when the store cannot be written
   */
  void put(Map<String, String> records);
}
