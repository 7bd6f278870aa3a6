package dev.bugle.core.event;

/**
 * The one seam for what a node does: its state changes and every fire's outcome. Logs, metrics, the status
 * API and page, and an embedder's callbacks all read from it, so that their numbers agree (the model is
 * db-scheduler's {@code SchedulerListener} and Quartz's listeners).
 *
 * <p>Events are delivered in order, on one delivery thread of the node's, never on the thread that sends
 * fires: a slow listener delays other listeners, never a fire. An exception thrown by a listener is logged and
 * does not stop the delivery to it or to others. Every method does nothing by default.
 */
public interface BugleListener {

  default void onStateChange(StateChange change) {
  }

  default void onFire(FireEvent fire) {
  }

  default void onPlanned(SchedulePlanned planned) {
  }

  default void onReload(ReloadEvent reload) {
  }
}
