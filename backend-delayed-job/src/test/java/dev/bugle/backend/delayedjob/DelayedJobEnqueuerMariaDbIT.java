package dev.bugle.backend.delayedjob;

class DelayedJobEnqueuerMariaDbIT extends DelayedJobEnqueuerCases {
  DelayedJobEnqueuerMariaDbIT() {
    super(TestDatabase.MARIADB);
  }
}
