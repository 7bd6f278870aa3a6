package dev.bugle.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks bugle-VERSION.tar.gz into a temporary directory and uses it the way an operator would: no checkout,
 * no Maven. The processes get a PATH holding only the few tools bin/bugle needs (no mvn, no java: the JVM comes
 * from JAVA_HOME), and run from the unpacked directory.
 */
class DistributionIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The JVM starts, the node takes the local lock, and the quick start's heartbeat fires every 5 s. */
  private static final Duration FIRST_JOB_WITHIN = Duration.ofSeconds(30);
  /** What deploy/ gives a stop (TimeoutStopSec, terminationGracePeriodSeconds); the bound itself is 2 s. */
  private static final Duration STOP_WITHIN = Duration.ofSeconds(10);

  @TempDir
  static Path temp;
  static Path home;
  static Path tools;

  @BeforeAll
  static void unpack() throws Exception {
    Path into = Files.createDirectories(temp.resolve("unpacked"));
    Process tar = new ProcessBuilder("tar", "-xzf", Layout.tarball().toString(), "-C", into.toString())
        .redirectErrorStream(true).start();
    String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor()).as("tar -xzf: %s", out).isZero();
    try (Stream<Path> top = Files.list(into)) {
      assertThat(top.map(p -> p.getFileName().toString()).toList())
          .as("the tarball's single top directory").containsExactly("bugle-" + Layout.version());
    }
    home = into.resolve("bugle-" + Layout.version());

    // Only what bin/bugle calls besides sh's builtins.
    tools = Files.createDirectories(temp.resolve("tools"));
    for (String tool : List.of("dirname", "readlink")) {
      Path found = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst()
          .orElseThrow(() -> new AssertionError(tool + " not found in /usr/bin or /bin"));
      Files.createSymbolicLink(tools.resolve(tool), found);
    }
  }

  @Test
  void theTarballHoldsTheLauncherTheJarTheExamplesAndTheUnit() throws IOException {
    Path launcher = home.resolve("bin/bugle");
    assertThat(launcher).isRegularFile();
    assertThat(Files.getPosixFilePermissions(launcher)).contains(PosixFilePermission.OWNER_EXECUTE,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    assertThat(home.resolve("lib/bugle.jar")).isRegularFile();
    assertThat(home.resolve("systemd/bugle.service")).isRegularFile();
    assertThat(home.resolve("examples/quickstart.properties")).isRegularFile();
    assertThat(exampleConfigurations()).as("per-stack configurations").hasSizeGreaterThanOrEqualTo(6);
    assertThat(Files.readString(launcher)).doesNotContain("\r");
  }

  @Test
  void checkOfTheQuickStartExitsZero() throws Exception {
    Result r = run(List.of("check", "examples/quickstart.properties"), Map.of());
    assertThat(r.code).as("bin/bugle check examples/quickstart.properties\nstdout: %s\nstderr: %s", r.out, r.err).isZero();
    assertThat(r.out).contains("heartbeat");
  }

  /** The jar holds every module: each stack's configuration validates (check connects to nothing). */
  @Test
  void checkOfEveryStacksExampleExitsZero() throws Exception {
    for (Path config : exampleConfigurations()) {
      String rel = home.relativize(config).toString();
      Result r = run(List.of("check", rel), Map.of());
      assertThat(r.code).as("bin/bugle check %s\nstdout: %s\nstderr: %s", rel, r.out, r.err).isZero();
    }
  }

  /** Exit codes pass through the launcher, and the JVM's standard error is the caller's. */
  @Test
  void aBadConfigurationExitsTwoWithItsMessageOnStandardError() throws Exception {
    Result r = run(List.of("check", "examples/no-such.properties"), Map.of());
    assertThat(r.code).as("stderr: %s", r.err).isEqualTo(Layout.EXIT_CONFIG);
    assertThat(r.err).contains("no-such.properties");
    assertThat(r.out).isEmpty();
  }

  @Test
  void javaOptionsReachTheJvm() throws Exception {
    Result r = run(List.of("--version"), Map.of("BUGLE_JAVA_OPTS", "-XshowSettings:properties -Dbugle.dist.probe=yes"));
    assertThat(r.code).as("stderr: %s", r.err).isZero();
    assertThat(r.err).contains("bugle.dist.probe = yes");
    assertThat(r.out).startsWith("bugle ");
  }

  /** Through a symbolic link from elsewhere (/usr/local/bin/bugle), from another working directory, java from PATH. */
  @Test
  void aLinkedLauncherFindsItsLibAndJavaOnThePath() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("elsewhere/bin"));
    Path link = bin.resolve("bugle");
    if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(link, Path.of("../../unpacked/bugle-" + Layout.version() + "/bin/bugle"));
      Files.createSymbolicLink(bin.resolve("java"), javaExecutable());
    }
    Path cwd = temp.resolve("elsewhere");
    ProcessBuilder pb = new ProcessBuilder(link.toString(), "check", home.resolve("examples/quickstart.properties").toString())
        .directory(cwd.toFile());
    pb.environment().clear();
    pb.environment().put("PATH", bin + ":" + tools);
    Result r = Result.of(pb.start(), Duration.ofSeconds(60));
    assertThat(r.code).as("stdout: %s\nstderr: %s", r.out, r.err).isZero();
  }

  /**
   * The quick start: a JSON job line on standard output, then SIGTERM stops it with exit 0. The lock lives in the
   * temporary directory, and the HTTP port (where the configuration has one) is any free one.
   */
  @Test
  void runOfTheQuickStartPrintsAJobAndStopsOnSigterm() throws Exception {
    List<String> args = new ArrayList<>(List.of("run", "examples/quickstart.properties",
        "--set", "bugle.lock.local.dir=" + Files.createDirectories(temp.resolve("state"))));
    if (Files.readString(home.resolve("examples/quickstart.properties")).contains("bugle.http.port")) {
      args.addAll(List.of("--set", "bugle.http.port=0"));
    }
    Process p = start(args, Map.of());
    ByteArrayOutputStream err = drain(p.getErrorStream());
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) {
          lines.add(l);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "quickstart-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      JsonNode job = null;
      long deadline = System.nanoTime() + FIRST_JOB_WITHIN.toNanos();
      List<String> seen = new ArrayList<>();
      while (job == null && System.nanoTime() < deadline && (p.isAlive() || !lines.isEmpty())) {
        String l = lines.poll(200, TimeUnit.MILLISECONDS);
        if (l != null) {
          seen.add(l);
          job = JSON.readTree(l);
        }
      }
      assertThat(job).as("a JSON job line within %s; stdout: %s\nstderr: %s", FIRST_JOB_WITHIN, seen, err).isNotNull();
      assertThat(job.path("namespace").asText()).isEqualTo("quickstart");
      assertThat(job.path("schedule").asText()).isEqualTo("heartbeat");
      assertThat(job.path("job").asText()).isEqualTo("HeartbeatJob");
      assertThat(job.path("id").asText()).isNotEmpty();

      long t0 = System.nanoTime();
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)).as("exited within %s of SIGTERM; stderr: %s", STOP_WITHIN, err).isTrue();
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      System.out.println("DistributionIT: bin/bugle run exited " + p.exitValue() + " " + ms + " ms after SIGTERM");
      assertThat(p.exitValue()).as("exit code after SIGTERM; stderr: %s", err).isZero();
    } finally {
      p.destroyForcibly();
    }
  }

  /** The systemd unit runs the launcher where the tarball puts it and fits the service's signals and exit codes. */
  @Test
  void theSystemdUnitMatchesTheLayoutAndTheExitCodes() throws IOException {
    Map<String, List<String>> unit = SystemdUnit.read(home.resolve("systemd/bugle.service"));
    assertThat(unit.get("Type")).containsExactly("simple");
    String execStart = single(unit, "ExecStart");
    String prefix = "/opt/bugle/";
    assertThat(execStart).startsWith(prefix);
    String[] words = execStart.split("\\s+");
    assertThat(home.resolve(words[0].substring(prefix.length()))).as("ExecStart's program in the tarball").isExecutable();
    assertThat(words).as("ExecStart").containsSequence("run", "/etc/bugle/bugle.properties");
    assertThat(single(unit, "ExecReload")).isEqualTo("/bin/kill -HUP $MAINPID");
    assertThat(single(unit, "KillSignal")).isEqualTo("SIGTERM");
    assertThat(seconds(single(unit, "TimeoutStopSec"))).as("TimeoutStopSec exceeds the shutdown bound with margin")
        .isGreaterThanOrEqualTo(Layout.SHUTDOWN_BOUND.multipliedBy(2));
    assertThat(single(unit, "Restart")).isEqualTo("on-failure");
    assertThat(List.of(single(unit, "RestartPreventExitStatus").split("\\s+")))
        .as("a bad configuration (exit %d) must not restart-loop", Layout.EXIT_CONFIG).contains(String.valueOf(Layout.EXIT_CONFIG));
    assertThat(single(unit, "StateDirectory")).as("/var/lib/bugle, the local lock's default directory").isEqualTo("bugle");
  }

  /** deploy/Dockerfile copies the unpacked tarball: every path it names must be where the tarball puts it. */
  @Test
  void theDockerfilesPathsMatchTheTarballsLayout() throws IOException {
    Dockerfile d = Dockerfile.read(Layout.deploy().resolve("Dockerfile"));
    String installDir = null;
    for (List<String> copy : d.copies()) {
      assertThat(copy).as("COPY %s", copy).hasSizeGreaterThanOrEqualTo(2);
      String dest = copy.get(copy.size() - 1);
      for (String source : copy.subList(0, copy.size() - 1)) {
        assertThat(home.resolve(source)).as("COPY source %s in the unpacked tarball", source).exists();
        if (source.equals(".")) {
          installDir = dest.endsWith("/") ? dest : dest + "/";
        }
      }
    }
    assertThat(installDir).as("a COPY of the whole unpacked tarball (COPY . DIR)").isNotNull();
    List<String> entrypoint = d.entrypoint();
    assertThat(entrypoint.get(0)).as("ENTRYPOINT's program").startsWith(installDir);
    assertThat(home.resolve(entrypoint.get(0).substring(installDir.length()))).as("ENTRYPOINT's program in the tarball").isExecutable();
    assertThat(entrypoint.subList(1, entrypoint.size())).containsExactly("run", "/etc/bugle/bugle.properties");
    String workdir = d.last("WORKDIR");
    assertThat(workdir + "/").isEqualTo(installDir);
  }

  private static String single(Map<String, List<String>> unit, String key) {
    List<String> v = unit.get(key);
    assertThat(v).as("%s in bugle.service", key).isNotNull().hasSize(1);
    return v.get(0);
  }

  /** systemd's time span, in the forms this unit may use: "10", "10s", "1min". */
  private static Duration seconds(String span) {
    if (span.endsWith("min")) {
      return Duration.ofMinutes(Long.parseLong(span.substring(0, span.length() - 3)));
    }
    return Duration.ofSeconds(Long.parseLong(span.endsWith("s") ? span.substring(0, span.length() - 1) : span));
  }

  private static List<Path> exampleConfigurations() throws IOException {
    try (Stream<Path> s = Files.walk(home.resolve("examples"))) {
      return s.filter(p -> p.toString().endsWith(".properties"))
          .filter(p -> !p.getFileName().toString().equals("quickstart.properties")).sorted().toList();
    }
  }

  private static Path javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  private static Process start(List<String> args, Map<String, String> env) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/bugle").toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
    pb.environment().clear();
    Map<String, String> e = new LinkedHashMap<>();
    e.put("PATH", tools.toString());
    e.put("JAVA_HOME", System.getProperty("java.home"));
    e.putAll(env);
    pb.environment().putAll(e);
    return pb.start();
  }

  private static Result run(List<String> args, Map<String, String> env) throws Exception {
    return Result.of(start(args, env), Duration.ofSeconds(60));
  }

  private static ByteArrayOutputStream drain(InputStream in) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream() {
      @Override
      public synchronized String toString() {
        return toString(StandardCharsets.UTF_8);
      }
    };
    Thread t = new Thread(() -> {
      try {
        in.transferTo(buf);
      } catch (IOException ignored) {
        // the process ended
      }
    }, "drain");
    t.setDaemon(true);
    t.start();
    return buf;
  }

  private record Result(int code, String out, String err) {
    static Result of(Process p, Duration within) throws Exception {
      ByteArrayOutputStream out = drain(p.getInputStream());
      ByteArrayOutputStream err = drain(p.getErrorStream());
      p.getOutputStream().close();
      if (!p.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("still running after " + within + "; stdout: " + out + "\nstderr: " + err);
      }
      Thread.sleep(50); // the drains see the end of the streams
      return new Result(p.exitValue(), out.toString(), err.toString());
    }
  }
}
