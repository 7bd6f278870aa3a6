package dev.bugle.lock.consul.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bugle.testkit.ExternalProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code java -jar bugle.jar run CONFIG} process; its log enqueuer appends its fires to its own file, so
 * that a test knows which node fired what. Run as an {@link ExternalProcess}, killed at once by {@link #close()}.
 */
final class Node implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String name;
  private final ExternalProcess process;
  private final Path fires;

  private Node(String name, ExternalProcess process, Path fires) {
    this.name = name;
    this.process = process;
    this.fires = fires;
  }

  /** Starts a node on {@code config}; {@code --set} overrides give it its own fires file. */
  static Node start(Path dir, String name, Path config) throws IOException {
    Path fires = dir.resolve(name + ".fires.jsonl");
    ProcessBuilder pb = new ProcessBuilder("java", "-Xmx96m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
        Jars.bugle().toString(), "run", config.toString(), "--set", "bugle.enqueuer.out.file=" + fires);
    return new Node(name, ExternalProcess.start("bugle node " + name, pb, dir.resolve(name + ".log"), Duration.ZERO,
        "build it with: mvn -pl consul-failover -am verify"), fires);
  }

  String name() {
    return name;
  }

  boolean leading() throws IOException {
    return logText().contains("leading: acquired");
  }

  /** When the log says this node started leading (its first "leading:" line), if it did. */
  java.util.Optional<Instant> leadingAt() throws IOException {
    return logText().lines().filter(l -> l.contains("Bugle - leading:")).findFirst()
        .map(l -> Instant.parse(l.substring(0, l.indexOf(' '))));
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Each fire this node enqueued: its scheduled instant and when it was enqueued. */
  List<Fire> fires() throws IOException {
    List<Fire> out = new ArrayList<>();
    if (!Files.exists(fires)) {
      return out;
    }
    for (String line : Files.readAllLines(fires)) {
      if (!line.isBlank()) {
        JsonNode j = JSON.readTree(line);
        out.add(new Fire(name, Instant.parse(j.get("scheduled_at").asText()), Instant.parse(j.get("enqueued_at").asText())));
      }
    }
    return out;
  }

  void kill9() throws InterruptedException {
    process.kill();
  }

  /** SIGSTOP or SIGCONT: the process is frozen (or thawed) as a stopped VM or container would be. */
  void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    if (!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
    }
  }

  void sigterm() {
    process.sigterm();
  }

  /** The exit code, waiting up to {@code seconds}; -1 if still running. */
  int exitCode(long seconds) throws InterruptedException {
    return process.exitCode(Duration.ofSeconds(seconds));
  }

  String logText() throws IOException {
    return process.logText();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill9();
    }
  }

  record Fire(String node, Instant scheduledAt, Instant enqueuedAt) {
  }
}
