package dev.bugle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./bugle} script at the repository root, run from a copy of itself whose jar is older than a
 * {@code pom.xml}, so it takes its rebuild path. The "build" is a stand-in {@code mvn} first on the PATH that
 * prints noise (which the script must hide) and freshens the jar: the script's own steps are what is tested,
 * without a minute of Maven on a shared machine.
 */
class ScriptIT {
  @TempDir
  Path tmp;

  @Test
  void afterARebuildTheJvmsStandardErrorStillReachesTheCaller() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("checkout"));
    Path script = root.resolve("bugle");
    Files.copy(Path.of("..", "bugle"), script);
    Path jar = Files.createDirectories(root.resolve("cli/target")).resolve("bugle.jar");
    Files.copy(BugleProcess.jar(), jar, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(3600)));
    Files.writeString(root.resolve("pom.xml"), "<project/>\n"); // newer than the jar: a rebuild is due
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\necho 'maven noise on stdout'\necho 'maven noise on stderr' >&2\n"
        + "touch cli/target/bugle.jar\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path bad = Files.writeString(tmp.resolve("bad.properties"), "bugle.schedule.x.cron=not a cron\n"
        + "bugle.schedule.x.job=X\n");

    ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "check", bad.toString()).directory(tmp.toFile());
    Map<String, String> env = pb.environment();
    env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.start();
    assertThat(p.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)).as("the script ended").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(err).as("stderr").contains("bugle: building cli/target/bugle.jar (pom.xml changed)")
        .contains("bugle: configuration error").contains("bugle.schedule.x.cron").doesNotContain("maven noise");
    assertThat(out).as("stdout").doesNotContain("maven noise");
    assertThat(p.exitValue()).as("exit code; stderr:\n" + err).isEqualTo(2);
    assertThat(Files.getLastModifiedTime(jar).toInstant()).as("the jar was rebuilt")
        .isAfter(Instant.now().minusSeconds(600));
  }
}
