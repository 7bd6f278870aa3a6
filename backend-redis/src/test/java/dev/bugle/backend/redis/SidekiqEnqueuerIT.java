package dev.bugle.backend.redis;

/** The enqueuer contract for plain Sidekiq jobs. */
class SidekiqEnqueuerIT extends QueueListContract {
  SidekiqEnqueuerIT() {
    super(new SidekiqEnqueuerProvider());
  }
}
