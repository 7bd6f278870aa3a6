package dev.bugle.backend.jobrunr;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.BackendEnqueuerContract;
import dev.bugle.testkit.TestSettings;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** {@link BackendEnqueuerContract} against one real database, in tables of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobRunrContractBase extends BackendEnqueuerContract {
  private final TestDatabase db;
  private final String prefix = TestDatabase.newPrefix();

  JobRunrContractBase(TestDatabase db) {
    this.db = db;
  }

  @BeforeAll
  void requireDatabase() {
    db.requireRunning();
  }

  @AfterAll
  void dropTables() throws Exception {
    db.dropAll(prefix);
  }

  @Override
  protected Enqueuer newEnqueuer() {
    return new JobRunrEnqueuerProvider().create(TestSettings.enqueuer(
        "jdbc-url", db.url(), "username", db.user(), "table-prefix", prefix));
  }

  @Override
  protected Enqueuer newEnqueuerForUnreachableBackend() {
    String url = db.url().replaceFirst(":\\d+/", ":1/"); // nothing listens on port 1
    return new JobRunrEnqueuerProvider().create(TestSettings.enqueuer(
        "jdbc-url", url, "username", db.user(), "table-prefix", prefix, "connection-timeout", "500ms"));
  }

  @Override
  protected Misconfigured newEnqueuerWithWrongCredentials() {
    String secret = "wrong-" + java.util.UUID.randomUUID();
    return new Misconfigured(new JobRunrEnqueuerProvider().create(TestSettings.enqueuer("jdbc-url", db.url(),
        "username", "bugle_nobody", "password", secret, "table-prefix", prefix, "connection-timeout", "2s")),
        "bugle.enqueuer.test.password", secret);
  }

  @Override
  protected int backendPort() {
    return Integer.parseInt(db.url().replaceFirst(".*:(\\d+)/.*", "$1"));
  }

  @Override
  protected Enqueuer newEnqueuerAt(int port) {
    return new JobRunrEnqueuerProvider().create(TestSettings.enqueuer("jdbc-url",
        db.url().replaceFirst(":\\d+/", ":" + port + "/"), "username", db.user(), "table-prefix", prefix,
        "connection-timeout", "2s"));
  }

  @Override
  protected int timesEnqueued(JobRequest job) throws Exception {
    return db.countJobs(prefix, job.id());
  }

  /**
   * The contract's job, made expressible in JobRunr: a Java method has no keyword args (a schedule with kwargs is
   * refused at start-up, see JobFactoryTest), and its null arg needs a declared type. Its other args (non-ASCII
   * text, a nested map with a null, the id) are kept, the id typed as a UUID.
   */
  @Override
  protected JobRequest newJob() {
    JobRequest j = super.newJob();
    return new JobRequest(j.id(), j.namespace(), j.schedule(), j.scheduledAt(), "dev.bugle.contract.ContractJob#perform",
        j.queue(), j.args(), Map.of(), Map.of("arg-types", "String,UUID,int,Map,String"));
  }
}
