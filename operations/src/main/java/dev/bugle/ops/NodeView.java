package dev.bugle.ops;

import dev.bugle.core.Bugle;
import dev.bugle.core.event.NodeState;
import java.time.Duration;
import java.util.function.Supplier;

/** What the probes ask a node: its state and how long ago its main loop last showed life. */
public interface NodeView {
  NodeState state();

  /** The time since the node's main loop (scheduler or standby) last ticked; it ticks at least once a second. */
  Duration heartbeatAge();

  static NodeView of(Bugle bugle) {
    return of(bugle::state, bugle::heartbeatAge);
  }

  static NodeView of(Supplier<NodeState> state, Supplier<Duration> heartbeatAge) {
    return new NodeView() {
      @Override
      public NodeState state() {
        return state.get();
      }

      @Override
      public Duration heartbeatAge() {
        return heartbeatAge.get();
      }
    };
  }
}
