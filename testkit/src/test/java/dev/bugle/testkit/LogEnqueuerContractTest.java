package dev.bugle.testkit;

import dev.bugle.core.JobRequest;
import dev.bugle.core.Providers;
import dev.bugle.spi.Enqueuer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The built-in {@code log} enqueuer, writing JSON lines to a file, passes the enqueuer contract. */
class LogEnqueuerContractTest extends EnqueuerContract {
  @TempDir
  Path dir;

  private Enqueuer create(String file) {
    return Providers.load(getClass().getClassLoader()).enqueuer("bugle.enqueuer.test.type", "log")
        .create(TestSettings.enqueuer("file", file));
  }

  @Override
  protected Enqueuer newEnqueuer() {
    return create(dir.resolve("jobs.jsonl").toString());
  }

  @Override
  protected Enqueuer newEnqueuerForUnreachableBackend() {
    return create(dir.resolve("no-such-dir").resolve("jobs.jsonl").toString());
  }

  @Override
  protected int timesEnqueued(JobRequest job) throws Exception {
    Path file = dir.resolve("jobs.jsonl");
    if (!Files.exists(file)) {
      return 0;
    }
    String id = "\"id\":\"" + job.id() + "\"";
    return (int) Files.readAllLines(file).stream().filter(l -> l.contains(id)).count();
  }
}
