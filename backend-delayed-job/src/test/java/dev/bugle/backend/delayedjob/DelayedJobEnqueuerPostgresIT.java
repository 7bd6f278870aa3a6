package dev.bugle.backend.delayedjob;

class DelayedJobEnqueuerPostgresIT extends DelayedJobEnqueuerCases {
  DelayedJobEnqueuerPostgresIT() {
    super(TestDatabase.POSTGRES);
  }
}
