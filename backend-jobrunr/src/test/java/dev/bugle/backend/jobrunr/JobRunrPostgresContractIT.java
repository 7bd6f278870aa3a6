package dev.bugle.backend.jobrunr;

/** The enqueuer contract against the real PostgreSQL on 127.0.0.1:5432, database {@code test}. */
class JobRunrPostgresContractIT extends JobRunrContractBase {
  JobRunrPostgresContractIT() {
    super(TestDatabase.postgresql());
  }
}
