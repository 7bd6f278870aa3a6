package dev.bugle.spring;

import dev.bugle.core.Bugle;
import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.NodeState;
import dev.bugle.core.event.StateChange;
import java.util.function.BooleanSupplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The node's health: {@code UP} while it leads or stands by, with the details {@code state}
 * ({@code leading}/{@code standby}), {@code leader} (true/false) and, while leading, {@code fencing_token};
 * {@code DOWN} once the lease was lost or the node stopped without the context asking it to (the lock not acquired
 * within {@code bugle.lock.wait}, a failure); {@code UNKNOWN} while it is still starting; {@code OUT_OF_SERVICE}
 * while the context stops it.
 *
 * <p>It is also a {@link BugleListener} bean, so the starter registers it: it keeps the last state change for the
 * fencing token and the reason of a loss.
 */
public final class BugleHealthIndicator implements HealthIndicator, BugleListener {
  private final Bugle bugle;
  private final BooleanSupplier stopRequested;
  private volatile StateChange last;
  private volatile boolean lostLast;

  public BugleHealthIndicator(Bugle bugle, BooleanSupplier stopRequested) {
    this.bugle = bugle;
    this.stopRequested = stopRequested;
  }

  @Override
  public void onStateChange(StateChange change) {
    last = change;
    if (change.state() == NodeState.LOST) {
      lostLast = true;
    } else if (change.state() == NodeState.STANDBY || change.state() == NodeState.LEADING) {
      lostLast = false;
    }
  }

  @Override
  public Health health() {
    NodeState state = bugle.state();
    if (state == NodeState.STOPPED && (lostLast || bugle.outcome().orElse(null) == Bugle.Outcome.LOST)) {
      state = NodeState.LOST; // with on-lost=exit the node ends after a loss: report the loss, not the end
    }
    StateChange change = last;
    Health.Builder health = switch (state) {
      case LEADING, STANDBY -> Health.up();
      case STARTING -> Health.unknown();
      case LOST -> Health.down();
      case STOPPING, STOPPED -> stopRequested.getAsBoolean() ? Health.outOfService() : Health.down();
    };
    health.withDetail("state", state.label()).withDetail("leader", state == NodeState.LEADING);
    if (state == NodeState.LEADING && change != null && change.state() == NodeState.LEADING
        && change.fencingToken().isPresent()) {
      health.withDetail("fencing_token", change.fencingToken().getAsLong());
    }
    if (change != null && change.state() == state && change.detail().filter(d -> !d.isBlank()).isPresent()) {
      health.withDetail("detail", change.detail().get());
    }
    bugle.outcome().ifPresent(o -> health.withDetail("outcome", o.name().toLowerCase(java.util.Locale.ROOT)));
    return health.build();
  }
}
