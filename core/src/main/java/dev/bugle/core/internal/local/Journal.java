package dev.bugle.core.internal.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bugle.support.JobJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The checkpoints committed since the last snapshot, one JSON record per commit, appended and fsynced: a commit
 * costs what it writes, not what the whole state holds. Each record starts with a newline, so a record torn by a
 * crash stays alone on its line, and reading skips it. Each record carries the holder's fencing token: reading
 * keeps only the records of the token it is asked for, so a deposed holder's late appends count for nothing. The
 * last record of a holder that let go of the lock says {@code "released": true}.
 */
final class Journal {
  private final Path path;

  Journal(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** Appends one record and forces it to disk before returning. */
  void append(long token, Map<String, Instant> fires) throws IOException {
    ObjectNode record = JobJson.mapper().createObjectNode();
    record.put("token", token);
    CheckpointJson.put(record, fires);
    write(record);
  }

  /** Appends the record that holder {@code token} released the lock (it holds no checkpoints). */
  void release(long token) throws IOException {
    write(JobJson.mapper().createObjectNode().put("token", token).put("released", true));
  }

  private void write(ObjectNode record) throws IOException {
    byte[] json = JobJson.mapper().writeValueAsBytes(record);
    ByteBuffer line = ByteBuffer.allocate(json.length + 1).put((byte) '\n').put(json).flip();
    boolean created = !Files.exists(path);
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      while (line.hasRemaining()) {
        ch.write(line);
      }
      ch.force(false);
    } catch (IOException e) {
      throw FileFailure.of("write", path, e);
    }
    if (created) {
      Directories.sync(path.getParent()); // a new file's directory entry is not durable until its directory is
    }
  }

  /**
   * Merges into {@code checkpoints} (latest instant wins) every whole record of {@code token}; true when holder
   * {@code token} has released the lock.
   */
  boolean replay(long token, Map<String, Instant> checkpoints) throws IOException {
    boolean released = false;
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          released |= replayRecord(line, token, checkpoints);
        }
      }
    } catch (NoSuchFileException e) {
      // no commit since the snapshot
    } catch (IOException e) {
      throw FileFailure.of("read", path, e);
    }
    return released;
  }

  private static boolean replayRecord(String line, long token, Map<String, Instant> checkpoints) {
    try {
      JsonNode record = JobJson.mapper().readTree(line);
      if (record.path("token").asLong(-1) != token) {
        return false;
      }
      CheckpointJson.merge(record, checkpoints);
      return record.path("released").asBoolean(false);
    } catch (IOException | DateTimeParseException e) {
      // a record torn by a crash while it was written: it was never acknowledged, so it counts for nothing
      return false;
    }
  }

  /** Empties the journal (its records are in the snapshot now). */
  void clear() throws IOException {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw FileFailure.of("delete", path, e);
    }
  }
}
