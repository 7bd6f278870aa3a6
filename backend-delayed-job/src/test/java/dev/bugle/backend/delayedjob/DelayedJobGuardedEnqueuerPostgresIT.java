package dev.bugle.backend.delayedjob;

class DelayedJobGuardedEnqueuerPostgresIT extends DelayedJobGuardedEnqueuerCases {
  DelayedJobGuardedEnqueuerPostgresIT() {
    super(TestDatabase.POSTGRES);
  }
}
