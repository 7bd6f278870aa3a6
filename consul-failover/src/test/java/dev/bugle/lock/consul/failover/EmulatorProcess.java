package dev.bugle.lock.consul.failover;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The standalone emulator, {@code java -jar consul-emulator.jar --port P --min-ttl 1s}, as a process. */
final class EmulatorProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private EmulatorProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static EmulatorProcess start(Path dir) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process p = new ProcessBuilder("java", "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar",
        Jars.emulator().toString(), "--port", Integer.toString(port), "--min-ttl", "1s")
        .redirectErrorStream(true).redirectOutput(dir.resolve("emulator.log").toFile()).start();
    EmulatorProcess e = new EmulatorProcess(p, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the emulator exited with " + p.exitValue() + "; see " + dir.resolve("emulator.log"));
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return e;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    e.close();
    throw new IllegalStateException("the emulator did not listen on " + port + " within 30s");
  }

  String address() {
    return "http://127.0.0.1:" + port;
  }

  /** Kills the emulator at once, as a crashed or unreachable Consul. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
