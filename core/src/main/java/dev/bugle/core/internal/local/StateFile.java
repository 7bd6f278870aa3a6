package dev.bugle.core.internal.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bugle.spi.JobJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local lock's state: the last fencing token and the checkpoints, as JSON, replaced atomically (a temp
 * file, fsync, then an atomic rename) so that a crash never leaves half a file. Only the lock holder writes it.
 */
record StateFile(Path path) {

  record State(long fencingToken, Map<String, Instant> checkpoints) {
  }

  State read() throws IOException {
    if (!Files.exists(path)) {
      return new State(0, new TreeMap<>());
    }
    JsonNode root = JobJson.mapper().readTree(path.toFile());
    Map<String, Instant> checkpoints = new TreeMap<>();
    JsonNode cp = root.path("checkpoints");
    for (Iterator<Map.Entry<String, JsonNode>> it = cp.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      checkpoints.put(e.getKey(), Instant.parse(e.getValue().asText()));
    }
    return new State(root.path("fencing_token").asLong(0), checkpoints);
  }

  void write(State state) throws IOException {
    ObjectNode root = JobJson.mapper().createObjectNode();
    root.put("fencing_token", state.fencingToken());
    ObjectNode cp = root.putObject("checkpoints");
    state.checkpoints().forEach((k, v) -> cp.put(k, v.toString()));
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    Files.write(tmp, JobJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
