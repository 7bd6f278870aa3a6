package dev.bugle.backend.redis;

/** The enqueuer contract for Resque jobs. */
class ResqueEnqueuerIT extends QueueListContract {
  ResqueEnqueuerIT() {
    super(new ResqueEnqueuerProvider());
  }
}
