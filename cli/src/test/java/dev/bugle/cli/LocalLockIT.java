package dev.bugle.cli;

import static dev.bugle.cli.BugleProcess.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local lock's robustness with real {@code bugle run} processes (issue 11): one default directory per host,
 * a read-only state directory, a file where the directory belongs, and a wiped state.
 */
class LocalLockIT {
  private static final String TICK = "bugle.schedule.tick.every=1s\nbugle.schedule.tick.job=TickJob\n";

  @TempDir
  Path tmp;

  private final List<BugleProcess> started = new ArrayList<>();
  private final List<Path> leftovers = new ArrayList<>();

  @AfterEach
  void cleanUp() throws IOException {
    started.forEach(BugleProcess::close);
    for (Path p : leftovers) {
      Files.deleteIfExists(p);
    }
  }

  private BugleProcess run(Path workingDir, Path config) {
    BugleProcess p = BugleProcess.start(workingDir, "run", config.toString());
    started.add(p);
    return p;
  }

  private Path config(String name, String body) throws IOException {
    return Files.writeString(tmp.resolve(name + ".properties"), body);
  }

  @Test
  void copiesStartedFromTwoWorkingDirectoriesContendForOneDefaultLock() throws Exception {
    String ns = "it-" + UUID.randomUUID().toString().substring(0, 8);
    Path config = config("default-dir", "bugle.namespace=" + ns + "\nbugle.lock=local\n" + TICK);
    Path one = Files.createDirectories(tmp.resolve("one"));
    Path two = Files.createDirectories(tmp.resolve("two"));
    BugleProcess first = run(one, config);
    Matcher at = match(first.awaitStderr("local lock at (\\S+): acquired", STARTUP), "local lock at (\\S+): acquired");
    Path lockFile = Path.of(at.group(1));
    for (String suffix : List.of(".lock", ".state.json", ".state.log")) {
      leftovers.add(lockFile.resolveSibling(ns + suffix)); // the default is shared by the host: leave nothing there
    }
    assertThat(lockFile.startsWith(one)).as("not under the working directory: " + lockFile).isFalse();
    first.awaitStderr("leading:", STARTUP);

    BugleProcess second = run(two, config);
    second.awaitStderr(Pattern.quote("local lock at " + lockFile + ": waiting for host ") + "\\S+ pid "
        + first.pid() + ", holder since ", STARTUP);
    first.awaitStdout("\"schedule\":\"tick\"", Duration.ofSeconds(5));
    assertThat(second.stderr()).as(second.transcript()).noneMatch(l -> l.contains("leading:"));
    assertThat(second.stdout()).as("the standby sent nothing").isEmpty();
    second.sigterm();
    first.sigterm();
    assertThat(first.awaitExit(Duration.ofSeconds(10))).isZero();
    assertThat(second.awaitExit(Duration.ofSeconds(10))).isZero();
  }

  @Test
  void readOnlyStateLosesTheLeaseAndAStandbyWaitsUntilItCanWriteAgain() throws Exception {
    Path dir = tmp.resolve("lock");
    try (TinyDisk disk = TinyDisk.mount(dir)) {
      Path config = config("ro", "bugle.namespace=ro\nbugle.lock=local\nbugle.lock.local.dir=" + dir + "\n" + TICK);
      BugleProcess leader = run(tmp, config);
      leader.awaitStderr("leading:", STARTUP);
      BugleProcess standby = run(tmp, config);
      standby.awaitStderr("waiting for host \\S+ pid " + leader.pid(), STARTUP);

      disk.freeze();
      assertThat(leader.awaitExit(Duration.ofSeconds(10))).as(leader.transcript()).isEqualTo(4);
      assertThat(leader.stderr()).anyMatch(l -> l.contains("cannot write " + dir.resolve("ro.state.log")));
      standby.awaitStderr("local lock at \\S+: cannot open \\S+ro.lock: .*; retrying", Duration.ofSeconds(10));
      assertThat(standby.isAlive()).as(standby.transcript()).isTrue();
      assertThat(standby.stderr()).noneMatch(l -> l.contains("leading:"));

      disk.thaw();
      standby.awaitStderr("leading:", Duration.ofSeconds(10));
      standby.awaitStdout("\"schedule\":\"tick\"", Duration.ofSeconds(5));
      standby.sigterm();
      assertThat(standby.awaitExit(Duration.ofSeconds(10))).as(standby.transcript()).isZero();
    }
  }

  @Test
  void aLockDirectoryThatIsAFileIsAConfigurationError() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    Path config = config("file", "bugle.namespace=f\nbugle.lock=local\nbugle.lock.local.dir=" + file + "\n" + TICK);
    BugleProcess p = run(tmp, config);
    assertThat(p.awaitExit(STARTUP)).as(p.transcript()).isEqualTo(2);
    assertThat(p.stderr()).anyMatch(l -> l.contains("bugle.lock.local.dir") && l.contains(file.toString()));
    assertThat(p.stderr()).noneMatch(l -> l.contains("standby:"));
  }

  @Test
  void afterTheStateDirectoryIsWipedTheNextTokenIsHigherAndTheWipeIsSaid() throws Exception {
    Path dir = tmp.resolve("lock");
    Path config = config("wipe", "bugle.namespace=w\nbugle.lock=local\nbugle.lock.local.dir=" + dir + "\n" + TICK);
    BugleProcess first = run(tmp, config);
    long before = LifecycleIT.token(first.awaitStderr(LifecycleIT.LEADING, STARTUP));
    first.awaitStdout("\"schedule\":\"tick\"", Duration.ofSeconds(5));
    wipe(dir);
    assertThat(first.awaitExit(Duration.ofSeconds(10))).as(first.transcript()).isEqualTo(4);
    wipe(dir); // what a commit under way during the first wipe may have written

    BugleProcess next = run(tmp, config);
    long after = LifecycleIT.token(next.awaitStderr(LifecycleIT.LEADING, STARTUP));
    assertThat(after).isGreaterThan(before);
    assertThat(next.stderr()).anyMatch(l -> l.contains("WARN") && l.contains("no checkpoints found in " + dir
        + ": the state was wiped or this is the first run; schedules are planned from now"));
    next.sigterm();
    assertThat(next.awaitExit(Duration.ofSeconds(10))).isZero();
  }

  private static void wipe(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  private static Matcher match(Lines.Line line, String regex) {
    Matcher m = Pattern.compile(regex).matcher(line.text());
    assertThat(m.find()).isTrue();
    return m;
  }
}
