package dev.bugle.core.internal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.LockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalControlsTest {
  @TempDir
  Path dir;

  @Test
  void writersKeepEachOthersRecordsAndANullRemovesOne() throws Exception {
    LocalControls controls = new LocalControls(dir.resolve("shop.controls.json"));
    assertThat(controls.load()).isEmpty();
    List<Thread> writers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String name = "s" + i;
      Thread t = new Thread(() -> {
        for (int j = 0; j < 10; j++) {
          new LocalControls(dir.resolve("shop.controls.json")).put(Map.of(name, "{\"n\":" + j + "}"));
        }
      });
      writers.add(t);
      t.start();
    }
    for (Thread t : writers) {
      t.join(10_000);
    }
    assertThat(controls.load()).hasSize(8).containsEntry("s3", "{\"n\":9}");
    Map<String, String> remove = new HashMap<>();
    remove.put("s3", null);
    controls.put(remove);
    assertThat(controls.load()).hasSize(7).doesNotContainKey("s3");
  }

  @Test
  void aDamagedFileIsAnErrorNamingIt() throws Exception {
    Files.writeString(dir.resolve("shop.controls.json"), "{not json");
    assertThatThrownBy(() -> new LocalControls(dir.resolve("shop.controls.json")).load())
        .isInstanceOf(LockException.class).hasMessageContaining("shop.controls.json");
  }
}
