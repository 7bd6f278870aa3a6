package dev.bugle.core.internal.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bugle.support.JobJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local lock's state: a snapshot ({@code NAMESPACE.state.json}: the fencing token and the checkpoints,
 * replaced atomically by a temp file, fsync and an atomic rename, so that a crash never leaves half a file)
 * plus a {@link Journal} ({@code NAMESPACE.state.log}) of the commits since. A new holder writes a snapshot with
 * its token; commits append to the journal; when the journal holds as many entries as the snapshot (and at
 * least {@value #MIN_COMPACT_ENTRIES}), the holder folds it into a new snapshot. Only the lock holder writes.
 */
final class StateFile {
  static final int MIN_COMPACT_ENTRIES = 1024;

  private final Path path;
  private final Journal journal;
  private List<Object> written; // identity of the snapshot as this process last wrote it
  private long writtenToken;
  private int snapshotEntries;
  private int journalEntries;

  StateFile(Path path) {
    this.path = path;
    String name = path.getFileName().toString();
    this.journal = new Journal(path.resolveSibling(
        (name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".log"));
  }

  /** {@code holder} is null when the snapshot names none, or its holder released the lock (a journal record). */
  record State(long fencingToken, Map<String, Instant> checkpoints, Holder holder) {
    State(long fencingToken, Map<String, Instant> checkpoints) {
      this(fencingToken, checkpoints, null);
    }
  }

  Path path() {
    return path;
  }

  /** The snapshot and the journal records of its token. */
  synchronized State read() throws IOException {
    if (!Files.exists(path)) {
      return new State(0, new TreeMap<>());
    }
    JsonNode root = readSnapshot();
    Map<String, Instant> checkpoints = new TreeMap<>();
    CheckpointJson.merge(root, checkpoints);
    long token = root.path("fencing_token").asLong(0);
    boolean released = journal.replay(token, checkpoints);
    return new State(token, checkpoints, released ? null : Holder.of(root).orElse(null));
  }

  /** Replaces the snapshot with {@code state} and empties the journal (whose records {@code state} must hold). */
  synchronized void write(State state) throws IOException {
    ObjectNode root = JobJson.mapper().createObjectNode();
    root.put("fencing_token", state.fencingToken());
    if (state.holder() != null) {
      state.holder().put(root);
    }
    CheckpointJson.put(root, state.checkpoints());
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    try {
      Files.write(tmp, JobJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
    } catch (IOException e) {
      deleteQuietly(tmp, e); // a full disk: give the space back
      throw FileFailure.of("write", tmp, e);
    }
    try {
      Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw FileFailure.of("replace", path, e);
    }
    Directories.sync(path.getParent()); // make the rename itself durable
    // A crash here leaves journal records the snapshot already holds: replaying them again changes nothing.
    journal.clear();
    written = identity();
    writtenToken = state.fencingToken();
    snapshotEntries = state.checkpoints().size();
    journalEntries = 0;
  }

  /** The fencing token on disk: free when the snapshot is the one this process wrote last, else read. */
  synchronized long token() throws IOException {
    List<Object> now = identity();
    if (written != null && written.equals(now)) {
      return writtenToken;
    }
    long onDisk = Files.exists(path) ? readSnapshot().path("fencing_token").asLong(0) : 0;
    if (written != null && onDisk == writtenToken && now.equals(identity())) {
      written = now; // only touched (a backup, a copy back): still ours, so the next check is free again
    }
    return onDisk;
  }

  /**
   * Records a commit of holder {@code token}: appended to the journal, or, once the journal would hold as many
   * entries as the snapshot, folded with it into a new snapshot. False when the files turn out to belong to a
   * successor (a newer token); nothing of this commit then counts.
   */
  synchronized boolean commit(long token, Map<String, Instant> fires) throws IOException {
    if (journalEntries + fires.size() < Math.max(MIN_COMPACT_ENTRIES, snapshotEntries)) {
      journal.append(token, fires);
      journalEntries += fires.size();
      return true;
    }
    State now = read();
    if (now.fencingToken() != token) {
      return false;
    }
    fires.forEach((k, v) -> now.checkpoints().merge(k, v, (a, b) -> a.isAfter(b) ? a : b));
    write(now);
    return true;
  }

  /** Records that holder {@code token} released the lock, so that nobody is named as its holder any more. */
  synchronized void released(long token) throws IOException {
    journal.release(token);
  }

  private static void deleteQuietly(Path file, IOException failure) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private JsonNode readSnapshot() throws IOException {
    try {
      return JobJson.mapper().readTree(path.toFile());
    } catch (IOException e) {
      throw FileFailure.of("read", path, e);
    }
  }

  private List<Object> identity() throws IOException {
    if (!Files.exists(path)) {
      return List.of();
    }
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      return Arrays.asList(a.fileKey(), a.lastModifiedTime(), a.size());
    } catch (IOException e) {
      throw FileFailure.of("read", path, e);
    }
  }
}
