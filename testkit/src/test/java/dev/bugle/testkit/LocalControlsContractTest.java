package dev.bugle.testkit;

import dev.bugle.core.Providers;
import dev.bugle.spi.LeaderLock;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@code local} lock's pause records (a JSON file beside its state) pass the controls contract. */
class LocalControlsContractTest extends ControlsContract {
  @TempDir
  Path dir;

  @Override
  protected LeaderLock newLock() {
    return Providers.load(getClass().getClassLoader()).lock("bugle.lock", "local")
        .create(TestSettings.lock("local", "dir", dir.toString()));
  }
}
