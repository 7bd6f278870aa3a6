package dev.bugle.ops;

import dev.bugle.core.Bugle;
import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.core.event.NodeState;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the probes and the API ask a node beyond its events: its state, how long ago its main loop last showed
 * life, and the configuration and parts running now (a reload replaces them).
 */
public interface NodeView {
  NodeState state();

  /** The time since the node's main loop (scheduler or standby) last ticked; it ticks at least once a second. */
  Duration heartbeatAge();

  BugleConfig config();

  Components parts();

  static NodeView of(Bugle bugle) {
    return of(bugle::state, bugle::heartbeatAge, bugle::config, bugle::parts);
  }

  static NodeView of(Supplier<NodeState> state, Supplier<Duration> heartbeatAge, Supplier<BugleConfig> config,
      Supplier<Components> parts) {
    return new NodeView() {
      @Override
      public NodeState state() {
        return state.get();
      }

      @Override
      public Duration heartbeatAge() {
        return heartbeatAge.get();
      }

      @Override
      public BugleConfig config() {
        return config.get();
      }

      @Override
      public Components parts() {
        return parts.get();
      }
    };
  }
}
