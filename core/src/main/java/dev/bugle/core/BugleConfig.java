package dev.bugle.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated configuration: read with {@link ConfigLoader}, turned into running parts with {@link Components}.
 *
 * @param lockWait how long a standby waits for the lock; empty means forever
 * @param lockProperties the lock provider's properties, keys relative to {@code bugle.lock.TYPE.}
 * @param properties every {@code bugle.*} property after expansion
 * @param templates the keys whose value came from the environment, with the value as written
 *     ({@code ${API_KEY}}): {@code bugle check} shows that instead of what the environment holds
 */
public record BugleConfig(
    String namespace,
    String lockType,
    Optional<Duration> lockWait,
    OnLost onLost,
    Map<String, String> lockProperties,
    Map<String, EnqueuerConfig> enqueuers,
    List<Schedule> schedules,
    Map<String, String> properties,
    Map<String, String> templates) {

  /** What a leader does when it loses the lock. */
  public enum OnLost {
    /** Stop and exit with code 4; the orchestrator restarts the process ("die fast"). */
    EXIT,
    /** Go back to standby and contend again. */
    RECONTEND
  }

  /** One {@code bugle.enqueuer.NAME.*} block: its type and its provider's properties (relative keys). */
  public record EnqueuerConfig(String name, String type, Map<String, String> properties) {
    public EnqueuerConfig {
      properties = Map.copyOf(properties);
    }
  }

  public BugleConfig {
    lockProperties = Map.copyOf(lockProperties);
    enqueuers = Map.copyOf(enqueuers);
    schedules = List.copyOf(schedules);
    properties = Map.copyOf(properties);
    templates = Map.copyOf(templates);
  }

  public Optional<Schedule> schedule(String name) {
    return schedules.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
