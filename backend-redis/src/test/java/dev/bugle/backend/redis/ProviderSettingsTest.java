package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.backend.redis.internal.Unwritable;
import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import dev.bugle.core.PropertySettings;
import dev.bugle.spi.DedupeRetention;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.testkit.TestSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Settings are read and checked in {@code create}, which never connects. */
class ProviderSettingsTest {

  @Test
  void theFourTypesAreRegistered() {
    Set<String> types = ServiceLoader.load(EnqueuerProvider.class).stream().map(p -> p.get().type())
        .collect(Collectors.toSet());
    assertThat(types).contains("sidekiq", "rq", "resque", "redis-json");
  }

  @Test
  void everySettingIsReadAndThePasswordIsASecret() {
    PropertySettings s = TestSettings.enqueuer("redis-url", "redis://app:pw@127.0.0.1:1/2", "password", "x",
        "pool-size", "2", "connect-timeout", "1s", "timeout", "3s", "dedupe", "true", "dedupe-ttl", "2d",
        "namespace", "shop", "queue", "critical", "active-job", "true", "locale", "de", "retry", "3",
        "backtrace", "true", "tags", "a,b");
    try (Enqueuer e = new SidekiqEnqueuerProvider().create(s)) {
      assertThat(e.deduplicates()).isTrue();
      assertThat(e.dedupeRetention()).contains(new DedupeRetention("dedupe-ttl", Duration.ofDays(2)));
      assertThat(e.jobOptions()).containsExactlyInAnyOrder("retry", "backtrace", "tags");
    }
    assertThat(s.unreadKeys()).isEmpty();
    assertThat(s.secretKeys()).containsExactly("password");
  }

  @Test
  void rqResqueAndJsonReadTheirOwnSettings() {
    PropertySettings rq = TestSettings.enqueuer("queue", "high", "timeout", "5m", "result-ttl", "-1",
        "description", "nightly");
    assertThat(new RqEnqueuerProvider().create(rq).jobOptions())
        .containsExactlyInAnyOrder("timeout", "result-ttl", "description");
    assertThat(rq.unreadKeys()).isEmpty();
    PropertySettings resque = TestSettings.enqueuer("namespace", "resque:app", "queue", "mail");
    assertThat(new ResqueEnqueuerProvider().create(resque).jobOptions()).isEmpty();
    assertThat(resque.unreadKeys()).isEmpty();
    PropertySettings json = TestSettings.enqueuer("key", "jobs", "push", "rpush", "dedupe", "false");
    Enqueuer atLeastOnce = new RedisJsonEnqueuerProvider().create(json);
    assertThat(atLeastOnce.deduplicates()).isFalse();
    assertThat(atLeastOnce.dedupeRetention()).isEmpty();
    assertThat(json.unreadKeys()).isEmpty();
  }

  @Test
  void validateRefusesArgsThatAreNotJsonBeforeAnythingConnects() {
    JobRequest sample = JobRequest.of("shop", "rates", Instant.EPOCH, "Job", null,
        List.of(new Unwritable()), Map.of(), Map.of());
    for (EnqueuerProvider p : List.of(new SidekiqEnqueuerProvider(), new RqEnqueuerProvider(),
        new ResqueEnqueuerProvider(), new RedisJsonEnqueuerProvider())) {
      try (Enqueuer e = p.create(TestSettings.enqueuer("redis-url", "redis://127.0.0.1:1", "key", "k"))) {
        assertThatThrownBy(() -> e.validate(sample)).as(p.type()).isInstanceOf(ConfigException.class)
            .hasMessageContaining("bugle.schedule.rates.args");
      }
    }
  }

  @Test
  void createDoesNotConnect() {
    Enqueuer e = new SidekiqEnqueuerProvider().create(TestSettings.enqueuer("redis-url", "redis://127.0.0.1:1"));
    assertThatCode(e::close).doesNotThrowAnyException();
  }

  @Test
  void badValuesNameTheirKey() {
    assertBad(new SidekiqEnqueuerProvider(), "bugle.enqueuer.test.pool-size", "pool-size", "0");
    assertBad(new SidekiqEnqueuerProvider(), "bugle.enqueuer.test.timeout", "timeout", "0");
    assertBad(new SidekiqEnqueuerProvider(), "bugle.enqueuer.test.dedupe-ttl", "dedupe-ttl", "500ms");
    assertBad(new SidekiqEnqueuerProvider(), "bugle.enqueuer.test.retry", "retry", "maybe");
    assertBad(new SidekiqEnqueuerProvider(), "bugle.enqueuer.test.tags", "tags", "a,,b");
    assertBad(new SidekiqEnqueuerProvider(), "bugle.enqueuer.test.locale", "locale", "de");
    assertBad(new SidekiqEnqueuerProvider(), "bugle.enqueuer.test.redis-url", "redis-url", "http://x");
    assertBad(new RqEnqueuerProvider(), "bugle.enqueuer.test.timeout", "timeout", "1500ms");
    assertBad(new RedisJsonEnqueuerProvider(), "bugle.enqueuer.test.push", "push", "append");
    assertThatThrownBy(() -> new RedisJsonEnqueuerProvider().create(TestSettings.enqueuer()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bugle.enqueuer.test.key");
  }

  private static void assertBad(EnqueuerProvider provider, String fullKey, String key, String value) {
    String[] kv = provider instanceof RedisJsonEnqueuerProvider ? new String[] {"key", "k", key, value}
        : new String[] {key, value};
    assertThatThrownBy(() -> provider.create(TestSettings.enqueuer(kv))).as(key + "=" + value)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(fullKey)
        .hasMessageContaining("for example");
  }
}
