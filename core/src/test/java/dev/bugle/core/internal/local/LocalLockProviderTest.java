package dev.bugle.core.internal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.ConfigException;
import dev.bugle.core.PropertySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local lock's directory: its default, one place per host, and a file where a directory belongs. */
class LocalLockProviderTest {
  @TempDir
  Path tmp;

  private static PropertySettings settings(Map<String, String> values) {
    return PropertySettings.of("bugle.lock.local.", "shop", InstantSource.system(), values);
  }

  @Test
  void theDefaultDirectoryDoesNotDependOnTheWorkingDirectory() {
    String lock = new LocalLockProvider().create(settings(Map.of())).toString();
    Path expected = DefaultDir.choose().resolve("shop.lock");
    assertThat(lock).isEqualTo("local lock " + expected);
    assertThat(expected.startsWith(Path.of(System.getProperty("user.dir")).resolve(".bugle"))).isFalse();
  }

  @Test
  void theDefaultIsVarLibBugleWhenWritableElseAPerUserDirectoryInTmp() throws Exception {
    Path writableParent = Files.createDirectories(tmp.resolve("var/lib"));
    assertThat(DefaultDir.choose(writableParent.resolve("bugle"), tmp, "ann")).isEqualTo(writableParent.resolve("bugle"));
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    assertThat(DefaultDir.choose(file.resolve("bugle"), tmp, "ann")).isEqualTo(tmp.resolve("bugle-ann"));
    assertThat(DefaultDir.choose(file.resolve("bugle"), tmp, "a/b")).isEqualTo(tmp.resolve("bugle-a_b"));
  }

  @Test
  void aDirectoryThatIsARegularFileIsAConfigErrorNamingTheKey() throws Exception {
    Path file = Files.writeString(tmp.resolve("lock"), "x");
    for (Path dir : new Path[] {file, file.resolve("sub")}) {
      assertThatThrownBy(() -> new LocalLockProvider().create(settings(Map.of("dir", dir.toString()))))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("bugle.lock.local.dir")
          .hasMessageContaining(file.toString())
          .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("bugle.lock.local.dir"));
    }
  }
}
