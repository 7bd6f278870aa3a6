package dev.bugle.ops;

import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.FireEvent;
import dev.bugle.core.event.NodeState;
import dev.bugle.core.event.SchedulePlanned;
import dev.bugle.core.event.StateChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The node as its events tell it: its state (and since when, with which fencing token), per schedule the plan and
 * the last outcome ({@link ScheduleState}), and the most recent fires. Written by the delivery thread, read by any.
 */
public final class StatusModel implements BugleListener {
  /** How many recent fires the model keeps. */
  public static final int RECENT = 100;

  private final ConcurrentMap<String, ScheduleState> schedules = new ConcurrentHashMap<>();
  private final RecentFires recent = new RecentFires(RECENT);
  private volatile StateChange lastChange;
  private volatile OptionalLong fencingToken = OptionalLong.empty();
  private volatile dev.bugle.core.event.ReloadEvent lastReload;

  @Override
  public void onStateChange(StateChange change) {
    lastChange = change;
    if (change.state() == NodeState.LEADING) {
      fencingToken = change.fencingToken();
    } else if (change.state() != NodeState.LOST) {
      fencingToken = OptionalLong.empty();
    }
  }

  @Override
  public void onFire(FireEvent fire) {
    schedules.merge(fire.schedule(), ScheduleState.NONE.after(fire), (old, x) -> old.after(fire));
    recent.add(fire);
  }

  @Override
  public void onPlanned(SchedulePlanned planned) {
    schedules.merge(planned.schedule(), ScheduleState.NONE.plannedAs(planned), (old, x) -> old.plannedAs(planned));
  }

  @Override
  public void onReload(dev.bugle.core.event.ReloadEvent reload) {
    lastReload = reload;
  }

  /** The last reload, applied or refused; empty when there was none. */
  public Optional<dev.bugle.core.event.ReloadEvent> lastReload() {
    return Optional.ofNullable(lastReload);
  }

  /** The state of the last change; {@link NodeState#STARTING} before any. */
  public NodeState state() {
    StateChange c = lastChange;
    return c == null ? NodeState.STARTING : c.state();
  }

  /** When the node entered its current state. */
  public Optional<Instant> stateSince() {
    return Optional.ofNullable(lastChange).map(StateChange::at);
  }

  public Optional<String> stateDetail() {
    return Optional.ofNullable(lastChange).flatMap(StateChange::detail);
  }

  /** The fencing token of this node's lease while it leads (and in the loss that ends it). */
  public OptionalLong fencingToken() {
    return fencingToken;
  }

  public ScheduleState schedule(String name) {
    return schedules.getOrDefault(name, ScheduleState.NONE);
  }

  /** The last {@value #RECENT} fire events, newest first. */
  public List<FireEvent> recentFires() {
    return recent.newestFirst();
  }
}
