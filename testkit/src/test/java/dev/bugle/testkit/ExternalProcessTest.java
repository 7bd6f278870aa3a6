package dev.bugle.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalProcessTest {
  @TempDir
  Path dir;

  private ExternalProcess sh(String script, Duration grace) {
    return ExternalProcess.start("the test script", new ProcessBuilder("/bin/sh", "-c", script),
        dir.resolve("logs/sh.log"), grace, "it is /bin/sh");
  }

  @Test
  void awaitReturnsTheEffectOnceItHappens() throws Exception {
    Path effect = dir.resolve("effect");
    try (ExternalProcess p = sh("echo starting; sleep 0.3; echo done > " + effect + "; sleep 30", Duration.ZERO)) {
      assertThat(p.await("write the effect", Duration.ofSeconds(10),
          () -> Files.exists(effect) ? Files.readString(effect).trim() : null)).isEqualTo("done");
      assertThat(p.logText()).contains("starting");
    }
  }

  @Test
  void awaitFailsWithTheLogTailAsSoonAsTheProcessDied() throws Exception {
    try (ExternalProcess p = sh("echo boom; exit 3", Duration.ZERO)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> p.await("write the effect", Duration.ofSeconds(60), () -> null))
          .isInstanceOf(AssertionError.class).hasMessageContaining("exited with 3").hasMessageContaining("boom");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }
  }

  @Test
  void awaitFailsWhenTheTimeIsUp() throws Exception {
    try (ExternalProcess p = sh("echo waiting; sleep 30", Duration.ZERO)) {
      assertThatThrownBy(() -> p.await("write the effect", Duration.ofMillis(300), () -> null))
          .isInstanceOf(AssertionError.class).hasMessageContaining("did not write the effect within PT0.3S")
          .hasMessageContaining("waiting");
    }
  }

  @Test
  void awaitExitReturnsTheCodeOrFails() throws Exception {
    try (ExternalProcess quick = sh("exit 4", Duration.ZERO); ExternalProcess slow = sh("sleep 30", Duration.ZERO)) {
      assertThat(quick.awaitExit(Duration.ofSeconds(10))).isEqualTo(4);
      assertThatThrownBy(() -> slow.awaitExit(Duration.ofMillis(200))).isInstanceOf(AssertionError.class)
          .hasMessageContaining("did not finish within");
    }
  }

  @Test
  void closeKillsTheProcessAndItsDescendantsEvenWhenSigtermIsIgnored() throws Exception {
    ExternalProcess p = sh("trap '' TERM; sleep 60 & sleep 60 & wait", Duration.ofMillis(300));
    Thread.sleep(300);
    List<ProcessHandle> children = ProcessHandle.of(p.pid()).orElseThrow().descendants().toList();
    assertThat(children).isNotEmpty();
    p.close();
    assertThat(p.isAlive()).isFalse();
    for (ProcessHandle c : children) {
      c.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(c.isAlive()).isFalse();
    }
  }

  @Test
  void sigtermEndsAProcessThatHonoursIt() throws Exception {
    try (ExternalProcess p = sh("sleep 30", Duration.ZERO)) {
      assertThat(p.sigterm()).isTrue();
      assertThat(p.exitCode(Duration.ofSeconds(10))).isEqualTo(143);
    }
  }
}
