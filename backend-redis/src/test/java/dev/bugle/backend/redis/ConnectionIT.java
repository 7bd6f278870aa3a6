package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.backend.redis.internal.PushScript;
import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.TestSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** redis-url's user, password, database and TLS against the real Redis (an ACL user of this run's own). */
class ConnectionIT {

  private static JobRequest job() {
    return InteropJobs.job(RedisIt.unique("conn"), "Job", null, List.of(1), Map.of());
  }

  @Test
  void userPasswordAndDatabaseFromTheUrl() {
    String user = RedisIt.unique("user");
    String password = "pw-" + user;
    String key = RedisIt.unique("json");
    try (Jedis admin = RedisIt.jedis()) {
      admin.aclSetUser(user, "on", ">" + password, "~*", "+@all");
      try (Enqueuer e = new RedisJsonEnqueuerProvider().create(TestSettings.enqueuer(
          "redis-url", "redis://" + user + ":" + password + "@127.0.0.1:6379/5", "key", key, "dedupe-ttl", "1m"))) {
        e.enqueue(job());
        admin.select(5);
        assertThat(admin.llen(key)).isEqualTo(1);
        admin.del(key);
        admin.select(0);
        assertThat(admin.exists(key)).isFalse();
      } finally {
        admin.select(0);
        admin.aclDelUser(user);
      }
    }
  }

  @Test
  void passwordSettingOverridesTheUrlAndAWrongOneIsNeverShown() {
    String user = RedisIt.unique("user");
    String key = RedisIt.unique("json");
    try (Jedis admin = RedisIt.jedis()) {
      admin.aclSetUser(user, "on", ">right-" + user, "~*", "+@all");
      try {
        try (Enqueuer ok = new RedisJsonEnqueuerProvider().create(TestSettings.enqueuer("redis-url",
            "redis://" + user + ":wrong@127.0.0.1:6379/0", "password", "right-" + user, "key", key,
            "dedupe-ttl", "1m"))) {
          ok.enqueue(job());
        }
        try (Enqueuer wrong = new RedisJsonEnqueuerProvider().create(TestSettings.enqueuer("redis-url",
            "redis://" + user + ":sup3r-s3cret@127.0.0.1:6379/0", "key", key))) {
          assertThatThrownBy(() -> wrong.enqueue(job())).isInstanceOf(EnqueueException.class)
              .hasMessageContaining("redis://" + user + ":****@127.0.0.1:6379/0")
              .hasMessageNotContaining("sup3r-s3cret")
              .satisfies(x -> assertThat(((EnqueueException) x).retryable()).as("WRONGPASS, retried").isFalse());
          // At start-up, refused credentials are a configuration mistake naming the key.
          assertThatThrownBy(wrong::open).isInstanceOf(ConfigException.class)
              .hasMessageContaining("bugle.enqueuer.test.redis-url")
              .hasMessageContaining("****").hasMessageNotContaining("sup3r-s3cret");
        }
      } finally {
        admin.del(key);
        admin.aclDelUser(user);
      }
    }
  }

  @Test
  void openLoadsTheScriptAndOnlyLogsAnOutage() throws Exception {
    String key = RedisIt.unique("json");
    try (Enqueuer down = new RedisJsonEnqueuerProvider().create(TestSettings.enqueuer("redis-url",
        RedisIt.UNREACHABLE_URL, "key", key, "connect-timeout", "500ms"))) {
      down.open(); // an outage at start-up is not a configuration error
    }
    try (Enqueuer up = new RedisJsonEnqueuerProvider().create(TestSettings.enqueuer("redis-url", RedisIt.URL,
        "key", key, "dedupe-ttl", "1m")); Jedis jedis = RedisIt.jedis()) {
      up.open();
      assertThat(jedis.scriptExists(new String(PushScript.standard().sha(), StandardCharsets.US_ASCII))).isTrue();
      up.enqueue(job());
      assertThat(jedis.llen(key)).isEqualTo(1);
      jedis.del(key);
    }
  }

  @Test
  void tlsAgainstAPlainServerIsARetryableFailure() {
    try (Enqueuer e = new RedisJsonEnqueuerProvider().create(TestSettings.enqueuer("redis-url",
        "rediss://127.0.0.1:6379/0", "key", RedisIt.unique("json"), "connect-timeout", "1s", "timeout", "1s"))) {
      assertThatThrownBy(() -> e.enqueue(job())).isInstanceOf(EnqueueException.class)
          .satisfies(x -> assertThat(((EnqueueException) x).retryable()).isTrue());
    }
  }
}
