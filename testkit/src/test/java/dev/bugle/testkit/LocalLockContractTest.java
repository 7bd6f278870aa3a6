package dev.bugle.testkit;

import dev.bugle.core.Providers;
import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.Lease;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The built-in {@code local} lock (an OS file lock) passes the lock contract. */
class LocalLockContractTest extends LeaderLockContract {
  @TempDir
  Path dir;

  @Override
  protected LeaderLock createContender() {
    return Providers.load(getClass().getClassLoader()).lock("bugle.lock", "local")
        .create(TestSettings.lock("local", "dir", dir.toString()));
  }

  @Override
  protected boolean canInspect() {
    return true;
  }

  @Override
  protected void forceLoss(Lease lease) throws Exception {
    // Somebody removes the lock file: another process could now lock a new one, so ownership is in doubt.
    Files.delete(dir.resolve(TestSettings.NAMESPACE + ".lock"));
  }
}
