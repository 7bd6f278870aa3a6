package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.DedupeRetention;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.testkit.TestSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** What needs no database: discovery, options, start-up validation, and not connecting in create. */
class DelayedJobEnqueuerTest {
  // Nothing listens on port 1: if create() or validate() connected, these tests would fail.
  private final Enqueuer enqueuer = new DelayedJobEnqueuerProvider().create(
      TestSettings.enqueuer("jdbc-url", "jdbc:postgresql://127.0.0.1:1/app"));

  private static JobRequest job(String name, List<Object> args, Map<String, Object> kwargs, Map<String, String> options) {
    return JobRequest.of("shop", "digest", Instant.parse("2026-01-05T09:00:00Z"), name, null, args, kwargs, options);
  }

  @Test
  void theProviderIsFoundByItsType() {
    assertThat(ServiceLoader.load(EnqueuerProvider.class).stream().map(p -> p.get().type()))
        .contains("delayed-job");
  }

  @Test
  void understandsTheHandlerAndPriorityOptionsAndIsAtLeastOnceByDefault() {
    assertThat(enqueuer.jobOptions()).containsExactlyInAnyOrder("handler", "priority");
    assertThat(enqueuer.deduplicates()).isFalse();
    assertThat(enqueuer.dedupeRetention()).isEmpty();
    assertThat(enqueuer.toString()).contains("at-least-once");
  }

  @Test
  void withTheGuardItRemembersFiresForTheGuardRetention() {
    Enqueuer guarded = new DelayedJobEnqueuerProvider().create(TestSettings.enqueuer("jdbc-url",
        "jdbc:postgresql://127.0.0.1:1/app", "deduplicate", "true", "guard-retention", "3d"));
    assertThat(guarded.deduplicates()).isTrue();
    assertThat(guarded.dedupeRetention()).contains(new DedupeRetention("guard-retention", Duration.ofDays(3)));
  }

  @Test
  void validJobsValidateWithoutConnecting() {
    assertThatCode(() -> {
      enqueuer.validate(job("DigestJob", List.of("weekly"), Map.of("dry_run", false), Map.of()));
      enqueuer.validate(job("Digest", List.of(), Map.of("kind", "weekly"), Map.of("handler", "struct")));
      enqueuer.validate(job("Mailer.digest!", List.of(1), Map.of(), Map.of("handler", "method", "priority", "-1")));
    }).doesNotThrowAnyException();
    assertThatCode(enqueuer::close).doesNotThrowAnyException();
  }

  @Test
  void invalidJobsAreConfigErrorsNamingTheSchedulesKey() {
    assertThatThrownBy(() -> enqueuer.validate(job("J", List.of(), Map.of(), Map.of("handler", "sidekiq"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.schedule.digest.option.handler")
        .hasMessageContaining("[active-job, method, object, struct]");
    assertThatThrownBy(() -> enqueuer.validate(job("J", List.of(), Map.of(), Map.of("priority", "high"))))
        .hasMessageContaining("bugle.schedule.digest.option.priority=10");
    assertThatThrownBy(() -> enqueuer.validate(job("Mailer", List.of(), Map.of(), Map.of("handler", "method"))))
        .hasMessageContaining("bugle.schedule.digest.job=Mailer.deliver");
    assertThatThrownBy(() -> enqueuer.validate(job("S", List.of("x"), Map.of(), Map.of("handler", "struct"))))
        .hasMessageContaining("bugle.schedule.digest.args");
  }

  @Test
  void anInvalidJobIsAPermanentEnqueueErrorWithoutTouchingTheDatabase() {
    assertThatThrownBy(() -> enqueuer.enqueue(job("lower", List.of(), Map.of(), Map.of())))
        .isInstanceOf(dev.bugle.core.EnqueueException.class)
        .hasMessageContaining("bugle.schedule.digest.job")
        .satisfies(e -> assertThat(((dev.bugle.core.EnqueueException) e).retryable()).isFalse());
  }
}
