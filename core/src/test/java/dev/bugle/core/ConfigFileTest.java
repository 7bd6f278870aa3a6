package dev.bugle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file itself: encoding, byte order mark, keys written twice, size. */
class ConfigFileTest {
  private static final String SCHEDULE = "bugle.schedule.rates.cron=0 * * * *\nbugle.schedule.rates.job=RatesJob\n";

  @TempDir
  Path dir;

  private BugleConfig load(byte[] bytes) throws Exception {
    Path file = dir.resolve("bugle.properties");
    Files.write(file, bytes);
    return ConfigLoader.load(file, Map.of(), Map.of());
  }

  private BugleConfig load(String text) throws Exception {
    return load(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aByteOrderMarkBeforeTheFirstKeyIsIgnored() throws Exception {
    BugleConfig c = load("\uFEFFbugle.namespace=shop\n" + SCHEDULE);
    assertThat(c.namespace()).isEqualTo("shop");
    assertThat(c.properties()).containsKey("bugle.namespace");
  }

  @Test
  void aKeyWrittenTwiceNamesTheKeyAndBothLines() {
    assertThatThrownBy(() -> load("bugle.lock.wait=30s\n# a comment\n" + SCHEDULE + "bugle.lock.wait=1m\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bugle.lock.wait: is set twice in ")
        .hasMessageContaining("on line 1 and on line 5")
        .hasMessageContaining("for example: bugle.lock.wait=1m");
  }

  @Test
  void aDuplicateIsReportedWithTheOtherMistakes() {
    assertThatThrownBy(() -> load("bugle.lock.wait=30s\nbugle.lock.wait=1m\nbugle.lock.on-lost=panic\n" + SCHEDULE))
        .hasMessageContaining("2 configuration errors")
        .hasMessageContaining("bugle.lock.wait: is set twice")
        .hasMessageContaining("bugle.lock.on-lost: invalid value 'panic'");
  }

  @Test
  void otherKeysMayRepeat() throws Exception {
    assertThat(load("app.mode=a\napp.mode=b\n" + SCHEDULE).namespace()).isEqualTo("default");
  }

  @Test
  void invalidUtf8NamesTheFileTheLineAndTheByte() {
    byte[] text = ("bugle.namespace=shop\n" + SCHEDULE + "bugle.schedule.rates.queue=caf").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(text, text.length + 2);
    bytes[text.length] = (byte) 0xE9; // ISO-8859-1 'é'
    bytes[text.length + 1] = '\n';
    assertThatThrownBy(() -> load(bytes))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.properties is not valid UTF-8: line 4, byte 31 of the line (byte offset "
            + text.length + " in the file) is 0xE9")
        .hasMessageNotContaining("Input length");
  }

  @Test
  void aBinaryFileIsNotValidUtf8() {
    assertThatThrownBy(() -> load(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}))
        .hasMessageContaining("is not valid UTF-8: line 1, byte 1 of the line (byte offset 0 in the file) is 0x89");
  }

  @Test
  void aFileAbove64MiBIsRefusedUnread() throws Exception {
    Path file = dir.resolve("huge.properties");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength((64L << 20) + 1); // sparse: nothing is written
    }
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("huge.properties is 67108865 bytes; the limit is 67108864 bytes (64 MiB)");
  }

  @Test
  void aMalformedEscapeNamesItsLine() {
    assertThatThrownBy(() -> load(SCHEDULE + "bugle.schedule.rates.queue=\\u00zz\n"))
        .hasMessageContaining("line 3: malformed \\uXXXX escape");
  }
}
