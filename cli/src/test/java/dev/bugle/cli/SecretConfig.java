package dev.bugle.cli;

import java.util.List;

/**
 * A configuration with a password in every form the backends read (a Redis URL, an AMQP URI, a JDBC URL's
 * parameter, a secret setting), one schedule that fails against an unreachable Redis, and one that fires.
 */
final class SecretConfig {
  static final List<String> SECRETS = List.of("hunter2redis", "hunter2amqp", "hunter2jdbc", "hunter2setting");

  static final String[] LINES = {
      "bugle.http.port=0",
      "bugle.enqueuer.log.type=log",
      "bugle.enqueuer.redis.type=sidekiq",
      "bugle.enqueuer.redis.redis-url=redis://app:hunter2redis@127.0.0.1:1/0",
      "bugle.enqueuer.rabbit.type=celery",
      "bugle.enqueuer.rabbit.uri=amqp://shop:hunter2amqp@127.0.0.1:1/%2F",
      "bugle.enqueuer.rabbit.connect-timeout=1s",
      "bugle.enqueuer.dj.type=delayed-job",
      "bugle.enqueuer.dj.jdbc-url=jdbc:postgresql://127.0.0.1:1/shop?user=shop&password=hunter2jdbc",
      "bugle.enqueuer.dj.password=hunter2setting",
      "bugle.schedule.tick.every=1s",
      "bugle.schedule.tick.job=TickJob",
      "bugle.schedule.tick.enqueuer=log",
      "bugle.schedule.bad-redis.every=1s",
      "bugle.schedule.bad-redis.job=BadJob",
      "bugle.schedule.bad-redis.enqueuer=redis",
      "bugle.schedule.bad-redis.misfire-window=3s",
      "bugle.schedule.digest.cron=0 9 * * MON",
      "bugle.schedule.digest.time-zone=America/New_York",
      "bugle.schedule.digest.job=WeeklyDigestJob",
      "bugle.schedule.digest.enqueuer=rabbit",
  };

  private SecretConfig() {
  }
}
