package dev.bugle.backend.delayedjob;

class DelayedJobWorkerPostgresIT extends DelayedJobWorkerCases {
  DelayedJobWorkerPostgresIT() {
    super(TestDatabase.POSTGRES);
  }
}
