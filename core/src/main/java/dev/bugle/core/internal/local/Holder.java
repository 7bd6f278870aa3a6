package dev.bugle.core.internal.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Who took the local lock: each new holder writes its host, pid and acquire time into the snapshot, so that
 * {@link LocalLock#inspect()} and a waiting standby can name it without taking the lock.
 */
record Holder(String host, long pid, Instant since) {
  private static final String THIS_HOST = hostName();

  /** This process, holding since {@code since}. */
  static Holder self(Instant since) {
    return new Holder(THIS_HOST, ProcessHandle.current().pid(), since);
  }

  /** {@code host web-3 pid 4121}, the form {@link dev.bugle.spi.LockStatus#holder()} documents. */
  String inWords() {
    return "host " + host + " pid " + pid;
  }

  /** False only when it is certainly gone: a process of this host that no longer runs (it crashed). */
  boolean mayBeAlive() {
    return !host.equals(THIS_HOST) || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  void put(ObjectNode parent) {
    parent.putObject("holder").put("host", host).put("pid", pid).put("since", since.toString());
  }

  /** The {@code "holder"} of a snapshot; empty when there is none (written by an older version) or it is damaged. */
  static Optional<Holder> of(JsonNode parent) {
    JsonNode h = parent.path("holder");
    if (!h.isObject()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Holder(h.path("host").asText("?"), h.path("pid").asLong(-1),
          Instant.parse(h.path("since").asText())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The kernel's host name (no DNS lookup where the platform has one), else what Java resolves. */
  private static String hostName() {
    try {
      String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
    }
  }
}
