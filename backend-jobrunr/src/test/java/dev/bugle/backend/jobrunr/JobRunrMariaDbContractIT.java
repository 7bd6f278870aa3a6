package dev.bugle.backend.jobrunr;

/** The enqueuer contract against the real MariaDB on 127.0.0.1:3306, database {@code test}. */
class JobRunrMariaDbContractIT extends JobRunrContractBase {
  JobRunrMariaDbContractIT() {
    super(TestDatabase.mariadb());
  }
}
