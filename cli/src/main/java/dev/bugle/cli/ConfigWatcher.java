package dev.bugle.cli;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the configuration file's directory, not the file: a Kubernetes ConfigMap is updated by swapping a
 * symbolic link in that directory, which no watch on the file itself would see. Any event there (and, as a
 * fallback for file systems without events, every few seconds) compares the file's content with what was last
 * loaded, so that only a real change triggers a reload.
 */
final class ConfigWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);
  private static final long POLL_SECONDS = 5;
  /** Editors write in steps; a change is acted on once the file has been quiet this long. */
  private static final long SETTLE_MILLIS = 200;

  private final Path file;
  private final Runnable onChange;
  private final Thread thread;
  private WatchService watch;
  private volatile byte[] loaded;
  private volatile boolean closed;

  ConfigWatcher(Path file, Runnable onChange) {
    this.file = file.toAbsolutePath();
    this.onChange = onChange;
    this.loaded = digest();
    this.thread = new Thread(this::loop, "bugle-config-watch");
    thread.setDaemon(true);
  }

  void start() {
    try {
      watch = FileSystems.getDefault().newWatchService();
      file.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    } catch (IOException e) {
      LOG.warn("cannot watch {} for changes ({}); checking it every {} s instead", file.getParent(), e.getMessage(),
          POLL_SECONDS);
    }
    thread.start();
  }

  /** Marks the content now on disk as the one running (after a reload by SIGHUP, for example). */
  void loadedNow() {
    loaded = digest();
  }

  private void loop() {
    while (!closed) {
      try {
        if (watch != null) {
          var key = watch.poll(POLL_SECONDS, TimeUnit.SECONDS);
          if (key != null) {
            key.pollEvents();
            key.reset();
            Thread.sleep(SETTLE_MILLIS);
          }
        } else {
          Thread.sleep(TimeUnit.SECONDS.toMillis(POLL_SECONDS));
        }
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
      byte[] now = digest();
      if (now != null && !Arrays.equals(now, loaded)) {
        loaded = now;
        LOG.info("configuration file {} changed; reloading", file);
        onChange.run();
      }
    }
  }

  private byte[] digest() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    } catch (IOException e) {
      return null; // gone for a moment (a symbolic link being swapped): looked at again on the next event
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    if (watch != null) {
      try {
        watch.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }
}
