package dev.bugle.ops;

import dev.bugle.core.event.FireEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last {@code capacity} fire events, newest first: a bounded ring, whatever the number of schedules. */
final class RecentFires {
  private final int capacity;
  private final ArrayDeque<FireEvent> ring;

  RecentFires(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.ring = new ArrayDeque<>(capacity);
  }

  synchronized void add(FireEvent e) {
    if (ring.size() == capacity) {
      ring.removeLast();
    }
    ring.addFirst(e);
  }

  synchronized List<FireEvent> newestFirst() {
    return new ArrayList<>(ring);
  }
}
