package dev.bugle.ops;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.Schedule;
import dev.bugle.core.event.NodeState;
import dev.bugle.spi.Enqueuer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers the probes and builds the API's documents from the model, the node and the lock watcher. It asks the
 * node for its configuration on each request, so that a reload shows at once.
 */
final class StatusService {
  /** A main loop silent for longer than this is wedged: {@code /healthz} says 503. */
  static final Duration LIVENESS_TIMEOUT = Duration.ofSeconds(10);

  private final StatusModel model;
  private final NodeView node;
  private final LockWatcher watcher;
  private final OpsSettings settings;
  private final InstantSource clock;
  private final Instant startedAt;

  StatusService(StatusModel model, NodeView node, LockWatcher watcher, OpsSettings settings, InstantSource clock) {
    this.model = model;
    this.node = node;
    this.watcher = watcher;
    this.settings = settings;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  /** Liveness: the main loop ticked within {@link #LIVENESS_TIMEOUT}. */
  boolean healthy() {
    return node.state() != NodeState.STOPPED && node.heartbeatAge().compareTo(LIVENESS_TIMEOUT) < 0;
  }

  /** Readiness: leading, or a standby in touch with its lock service. */
  boolean ready() {
    NodeState s = node.state();
    return s == NodeState.LEADING || (s == NodeState.STANDBY && watcher.inTouch());
  }

  Map<String, Object> probe(boolean ok) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", ok ? "ok" : "failing");
    m.put("state", node.state().label());
    m.put("heartbeat_age_seconds", node.heartbeatAge().toMillis() / 1000.0);
    return m;
  }

  Map<String, Object> status() {
    BugleConfig config = node.config();
    NodeState state = node.state();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("node", settings.nodeName());
    m.put("state", state.label());
    m.put("state_since", Documents.text(model.stateSince()));
    m.put("lock", config.lockType());
    m.put("namespace", config.namespace());
    m.put("fencing_token", model.fencingToken().isPresent() ? model.fencingToken().getAsLong() : null);
    m.put("leader", leader(state));
    m.put("lock_reachable", state == NodeState.LEADING || watcher.inTouch());
    m.put("lock_problem", state == NodeState.LEADING ? null
        : watcher.last().flatMap(r -> r.status().problem()).orElse(null));
    m.put("started_at", startedAt.toString());
    m.put("version", Version.get());
    m.put("heartbeat_age_seconds", node.heartbeatAge().toMillis() / 1000.0);
    m.put("schedules", config.schedules().size());
    m.put("last_reload", model.lastReload().map(Documents::reload).orElse(null));
    m.put("recent_fires", model.recentFires().stream().map(Documents::fire).toList());
    return m;
  }

  private Map<String, Object> leader(NodeState state) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (state == NodeState.LEADING) {
      m.put("holder", settings.nodeName());
      m.put("fencing_token", model.fencingToken().isPresent() ? model.fencingToken().getAsLong() : null);
      m.put("since", Documents.text(model.stateSince()));
      m.put("self", true);
      return m;
    }
    return watcher.last().map(r -> Documents.leader(r.status())).orElse(null);
  }

  List<Map<String, Object>> schedules(int offset, int limit) {
    Map<String, java.time.Instant> checkpoints = watcher.last().map(r -> r.status().checkpoints()).orElse(Map.of());
    Instant now = clock.instant();
    List<Schedule> all = node.config().schedules();
    Map<String, Enqueuer> enqueuers = node.parts().enqueuers();
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = Math.min(offset, all.size()); i < all.size() && out.size() < limit; i++) {
      Schedule s = all.get(i);
      Enqueuer e = enqueuers.get(s.enqueuer());
      out.add(Documents.schedule(s, e != null && Delivery.exactlyOnce(e), model.schedule(s.name()),
          dev.bugle.core.CheckpointKeys.lastFire(checkpoints, s.name()),
          Optional.ofNullable(watcher.pauses().get(s.name())), now));
    }
    return out;
  }

  Map<String, Object> timeline(Duration span) {
    return Timeline.of(node.config().schedules(), clock.instant(), span);
  }
}
