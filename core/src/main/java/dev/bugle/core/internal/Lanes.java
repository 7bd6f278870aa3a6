package dev.bugle.core.internal;

import dev.bugle.spi.Enqueuer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The planner's send lanes, one per enqueuer: made, pointed at a reloaded enqueuer, and closed together. */
final class Lanes {
  private final Map<String, Lane> lanes = new LinkedHashMap<>();
  private final Dispatcher dispatcher;
  private final InstantSource clock;
  private final BooleanSupplier mayCommence;
  private final Consumer<Dispatcher.Result> results;
  private final boolean threaded;

  Lanes(Dispatcher dispatcher, InstantSource clock, BooleanSupplier mayCommence,
      Consumer<Dispatcher.Result> results, boolean threaded) {
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.mayCommence = mayCommence;
    this.results = results;
    this.threaded = threaded;
  }

  /** Makes a lane for each new enqueuer name; an existing lane sends its next batch through the given instance. */
  void use(Map<String, Enqueuer> enqueuers) {
    enqueuers.forEach((name, e) -> {
      Lane lane = lanes.get(name);
      if (lane != null) {
        lane.use(e);
      } else {
        lanes.put(name, threaded ? Lane.threaded(name, e, dispatcher, clock, mayCommence, results)
            : Lane.inline(name, e, dispatcher, clock, mayCommence, results));
      }
    });
  }

  void submit(String enqueuer, List<PendingFire> fires) {
    lanes.get(enqueuer).submit(fires);
  }

  /** Closes every lane, giving sends in flight {@code bound} together; returns the lanes whose send was abandoned. */
  List<String> close(Duration bound) {
    lanes.values().forEach(Lane::beginClose);
    long deadline = System.nanoTime() + bound.toNanos();
    List<String> abandoned = new ArrayList<>();
    for (Lane lane : lanes.values()) {
      if (!lane.awaitClosed(deadline)) {
        abandoned.add(lane.name());
      }
    }
    return abandoned;
  }
}
