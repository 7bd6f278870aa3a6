package dev.bugle.core.internal.local;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.bugle.core.LockException;
import dev.bugle.spi.Controls;
import dev.bugle.support.JobJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local lock's controls: {@code DIR/NAMESPACE.controls.json}, one JSON object of records. A write takes an
 * OS lock on {@code NAMESPACE.controls.lock} (writers from several processes queue), reads, changes, and
 * replaces the file atomically (temp file, fsync, rename, directory sync); readers never see half a file.
 */
final class LocalControls implements Controls {
  private static final TypeReference<TreeMap<String, String>> RECORDS = new TypeReference<>() {
  };
  /** File locks are per process: writers inside one JVM queue on this too. */
  private static final java.util.concurrent.ConcurrentMap<Path, Object> IN_THIS_JVM =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Path file;
  private final Path lockFile;

  LocalControls(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.lockFile = this.file.resolveSibling(this.file.getFileName().toString().replace(".json", ".lock"));
  }

  @Override
  public Map<String, String> load() {
    try {
      return JobJson.mapper().readValue(Files.readString(file, StandardCharsets.UTF_8), RECORDS);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new LockException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void put(Map<String, String> records) {
    synchronized (IN_THIS_JVM.computeIfAbsent(file, f -> new Object())) {
      write(records);
    }
  }

  private void write(Map<String, String> records) {
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = ch.lock()) {
        Map<String, String> all = new TreeMap<>(load());
        records.forEach((k, v) -> {
          if (v == null) {
            all.remove(k);
          } else {
            all.put(k, v);
          }
        });
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
          out.write(java.nio.ByteBuffer.wrap(JobJson.write(all).getBytes(StandardCharsets.UTF_8)));
          out.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Directories.sync(file.getParent());
      }
    } catch (IOException e) {
      throw new LockException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
