package dev.bugle.core.internal;

import dev.bugle.core.ScheduleView;
import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.SchedulePlanned;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each schedule's next and last fire as the seam reported them, for {@code Bugle.schedules()}. */
public final class ScheduleBook implements BugleListener {
  private final Map<String, ScheduleView> views = new ConcurrentHashMap<>();

  @Override
  public void onPlanned(SchedulePlanned p) {
    views.put(p.schedule(), new ScheduleView(p.schedule(), p.nextFire(), p.lastFire()));
  }

  /** The views of {@code names}, in that order; a schedule not planned yet has neither fire. */
  public List<ScheduleView> views(List<String> names) {
    return names.stream().map(n -> views.getOrDefault(n,
        new ScheduleView(n, java.util.Optional.empty(), java.util.Optional.empty()))).toList();
  }
}
