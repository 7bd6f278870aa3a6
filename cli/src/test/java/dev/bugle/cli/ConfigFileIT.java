package dev.bugle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file as the real process reads it: encoding, BOM, provider keys, what check shows. */
class ConfigFileIT {
  private static final String TICK = "bugle.schedule.tick.every=1s\nbugle.schedule.tick.job=TickJob\n";

  @TempDir
  Path tmp;

  private Path write(byte[] bytes) throws Exception {
    Path file = tmp.resolve("bugle.properties");
    Files.write(file, bytes);
    return file;
  }

  private Path write(String text) throws Exception {
    return write(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertConfigError(BugleProcess p) {
    assertThat(p.exitCode()).as(p.transcript()).isEqualTo(2);
    assertThat(String.join("\n", p.stderr())).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(p.stdout()).as(p.transcript()).isEmpty();
  }

  @Test
  void aByteOrderMarkDoesNotHideTheFirstKey() throws Exception {
    Path config = write("\uFEFFbugle.lock=consul\n" + TICK);
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), "check", config.toString());

    assertThat(p.exitCode()).as(p.transcript()).isEqualTo(0);
    assertThat(p.stdout()).as(p.transcript()).contains("  bugle.lock=consul");
  }

  @Test
  void invalidUtf8NamesTheFileTheLineAndTheByte() throws Exception {
    byte[] head = ("bugle.namespace=shop\n" + TICK + "bugle.schedule.tick.queue=caf").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
    bytes[head.length] = (byte) 0xE9;
    bytes[head.length + 1] = '\n';
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), "run", write(bytes).toString());

    assertConfigError(p);
    assertThat(p.stderr()).as(p.transcript()).containsExactly("bugle: configuration error: the configuration file "
        + tmp.resolve("bugle.properties") + " is not valid UTF-8: line 4, byte 30 of the line (byte offset "
        + head.length + " in the file) is 0xE9; save it as UTF-8 text (a binary file cannot be read)");
    assertThat(tmp.resolve(".bugle")).doesNotExist();
  }

  @Test
  void aBadConsulTtlLeavesTheOtherConsulKeysKnown() throws Exception {
    Path config = write("bugle.lock=consul\nbugle.lock.consul.ttl=48h\nbugle.lock.consul.lock-delay=5s\n"
        + "bugle.lock.consul.token=hunter2\nbugle.lock.consul.read-timeout=3s\n" + TICK);
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), "check", config.toString());

    assertConfigError(p);
    assertThat(p.stderr()).as(p.transcript()).containsExactly("bugle: configuration error: bugle.lock.consul.ttl:"
        + " must be between 10s (Consul's session_ttl_min, setting bugle.lock.consul.session-ttl-min) and 24h; got 2d;"
        + " for example: bugle.lock.consul.ttl=15s");
  }

  @Test
  void aPasswordWithAnAtIsMaskedWholeInErrorsAndInCheck() throws Exception {
    Path bad = write("bugle.enqueuer.main.type=sidekiq\nbugle.enqueuer.main.redis-url=redis://:Part@9z@cache:6379/0\n"
        + TICK);
    BugleProcess refused = BugleProcess.runToEnd(tmp, Map.of(), "check", bad.toString());
    assertConfigError(refused);
    assertThat(String.join("\n", refused.stderr())).as(refused.transcript())
        .contains("invalid value 'redis://:****@cache:6379/0'").doesNotContain("Part").doesNotContain("9z");

    Path config = write(TICK + "bugle.schedule.tick.kwargs={\"db\": \"jdbc:postgresql://app:p@ss@db:5432/app\"}\n");
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), "check", config.toString());
    assertThat(p.exitCode()).as(p.transcript()).isEqualTo(0);
    assertThat(p.stdout()).as(p.transcript())
        .contains("  bugle.schedule.tick.kwargs={\"db\": \"jdbc:postgresql://app:****@db:5432/app\"}");
    assertThat(String.join("\n", p.stdout())).doesNotContain("p@ss");
  }

  @Test
  void checkNeverPrintsAHugeValueWhole() throws Exception {
    Path config = write(TICK + "bugle.schedule.tick.args=[\"" + "x".repeat(60_000) + "\"]\n");
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), "check", config.toString());

    assertThat(p.exitCode()).as(p.transcript()).isEqualTo(0);
    assertThat(p.stdout()).anySatisfy(l -> assertThat(l).startsWith("  bugle.schedule.tick.args=[\"xxx")
        .endsWith("… (60004 characters in all)").hasSizeLessThan(300));
  }
}
