package dev.bugle.core.internal.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/** The {@code "checkpoints": {"schedule": "instant", ...}} object of the snapshot and of each journal record. */
final class CheckpointJson {
  private CheckpointJson() {
  }

  /** Adds {@code checkpoints} to {@code parent} under {@code "checkpoints"}. */
  static void put(ObjectNode parent, Map<String, Instant> checkpoints) {
    ObjectNode cp = parent.putObject("checkpoints");
    checkpoints.forEach((k, v) -> cp.put(k, v.toString()));
  }

  /** Merges {@code parent}'s {@code "checkpoints"} into {@code into}, the latest instant winning. */
  static void merge(JsonNode parent, Map<String, Instant> into) {
    for (Iterator<Map.Entry<String, JsonNode>> it = parent.path("checkpoints").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      into.merge(e.getKey(), Instant.parse(e.getValue().asText()), (a, b) -> a.isAfter(b) ? a : b);
    }
  }
}
