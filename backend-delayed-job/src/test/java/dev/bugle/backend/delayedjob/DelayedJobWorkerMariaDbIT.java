package dev.bugle.backend.delayedjob;

class DelayedJobWorkerMariaDbIT extends DelayedJobWorkerCases {
  DelayedJobWorkerMariaDbIT() {
    super(TestDatabase.MARIADB);
  }
}
