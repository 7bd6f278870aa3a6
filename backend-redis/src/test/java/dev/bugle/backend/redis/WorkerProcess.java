package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.fail;

import dev.bugle.testkit.ExternalProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real, unmodified worker in a separate process ({@link ExternalProcess}), run from {@code examples/redis}. */
final class WorkerProcess {
  private static final String INSTALL = "install it with: scripts/services redis";

  private WorkerProcess() {
  }

  /** The folder of the example workers ({@code examples/redis}). */
  static Path examples() {
    return Path.of(System.getProperty("bugle.examples.redis", "../examples/redis")).toAbsolutePath().normalize();
  }

  /** Fails, naming the command that installs it, when {@code file} is missing. */
  static void require(Path file, String what) {
    if (!Files.exists(file)) {
      fail(what + " is missing (" + file + "); " + INSTALL);
    }
  }

  /** The first executable {@code name} on the PATH; fails, naming the command that installs it, when none. */
  static Path onPath(String name, String what) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return fail(what + " (" + name + ") is not on the PATH; " + INSTALL);
  }

  /** Starts {@code command} in the examples folder, logging to {@code target/worker-logs/NAME.log}; 5s to stop warmly. */
  static ExternalProcess start(String name, List<String> command, Map<String, String> env) {
    Path log = Path.of(System.getProperty("bugle.it.logs", "target/worker-logs")).resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(examples().toFile());
    pb.environment().putAll(env);
    return ExternalProcess.start("the worker " + name, pb, log, Duration.ofSeconds(5), INSTALL);
  }
}
