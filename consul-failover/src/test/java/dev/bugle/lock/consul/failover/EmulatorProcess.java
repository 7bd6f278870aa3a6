package dev.bugle.lock.consul.failover;

import dev.bugle.testkit.ExternalProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

/** The standalone emulator, {@code java -jar consul-emulator.jar --port P --min-ttl 1s}, as a process. */
final class EmulatorProcess implements AutoCloseable {
  private final ExternalProcess process;
  private final int port;

  private EmulatorProcess(ExternalProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  static EmulatorProcess start(Path dir) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProcessBuilder pb = new ProcessBuilder("java", "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar",
        Jars.emulator().toString(), "--port", Integer.toString(port), "--min-ttl", "1s");
    EmulatorProcess e = new EmulatorProcess(ExternalProcess.start("the Consul emulator", pb,
        dir.resolve("emulator.log"), Duration.ZERO, "build it with: mvn -pl consul-failover -am verify"), port);
    try {
      e.process.await("listen on " + port, Duration.ofSeconds(30), () -> listening(port) ? port : null);
      return e;
    } catch (Exception | AssertionError failed) {
      e.close();
      throw failed;
    }
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  String address() {
    return "http://127.0.0.1:" + port;
  }

  /** Kills the emulator at once, as a crashed or unreachable Consul. */
  void kill() throws InterruptedException {
    process.kill();
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
