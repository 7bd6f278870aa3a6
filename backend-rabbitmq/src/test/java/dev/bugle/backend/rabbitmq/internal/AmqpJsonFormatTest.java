package dev.bugle.backend.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import dev.bugle.support.JobJson;
import dev.bugle.testkit.SettableClock;
import dev.bugle.testkit.TestSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmqpJsonFormatTest {
  private static final SettableClock CLOCK = SettableClock.at("2026-03-01T09:00:02Z");
  private static final JobRequest JOB = JobRequest.of("shop", "digest", Instant.parse("2026-03-01T09:00:00Z"),
      "WeeklyDigest", null, List.of("x"), Map.of("k", 1), Map.of());

  private static AmqpJsonFormat format(String... settings) {
    return new AmqpJsonFormat(AmqpJsonSettings.read(TestSettings.enqueuer(settings)), CLOCK, "bugle.enqueuer.test.");
  }

  @Test
  void sendsTheEnvelopePersistentWithTheJobIdAsMessageId() throws Exception {
    OutgoingMessage m = format("exchange", "jobs", "routing-key", "bugle.digest").toMessage(JOB);
    assertThat(m.exchange()).isEqualTo("jobs");
    assertThat(m.routingKey()).isEqualTo("bugle.digest");
    assertThat(m.properties().getMessageId()).isEqualTo(JOB.id().toString());
    assertThat(m.properties().getContentType()).isEqualTo("application/json");
    assertThat(m.properties().getDeliveryMode()).isEqualTo(2);
    assertThat(m.properties().getType()).isEqualTo("WeeklyDigest");
    assertThat(m.properties().getTimestamp().toInstant()).isEqualTo(CLOCK.instant());
    assertThat(JobJson.mapper().readValue(m.body(), Map.class))
        .isEqualTo(JobJson.mapper().readValue(JobJson.write(JobJson.envelope(JOB)), Map.class));
    assertThat(m.declarations()).isEmpty();
  }

  @Test
  void theSchedulesQueueIsTheRoutingKey() {
    assertThat(format("exchange", "jobs", "routing-key", "x").toMessage(JOB.withId(JOB.id())).routingKey())
        .isEqualTo("x");
    JobRequest queued = new JobRequest(JOB.id(), "shop", "digest", JOB.scheduledAt(), "WeeklyDigest", "mail",
        List.of(), Map.of(), Map.of());
    assertThat(format("exchange", "jobs").toMessage(queued).routingKey()).isEqualTo("mail");
  }

  @Test
  void declaresExchangeQueueAndBindingWhenAsked() {
    OutgoingMessage m = format("exchange", "jobs", "routing-key", "bugle.digest", "declare-exchange", "topic",
        "declare-queue", "digests", "binding-key", "bugle.#").toMessage(JOB);
    assertThat(m.declarations()).containsExactly(new Declaration.Exchange("jobs", "topic"),
        new Declaration.Queue("digests"), new Declaration.Binding("digests", "jobs", "bugle.#"));
    OutgoingMessage plain = format("declare-queue", "digests").toMessage(JOB);
    assertThat(plain.routingKey()).isEqualTo("digests");
    assertThat(plain.declarations()).containsExactly(new Declaration.Queue("digests"));
  }

  @Test
  void misconfigurationsNameTheKey() {
    assertThatThrownBy(() -> format().toMessage(JOB)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.enqueuer.test.routing-key");
    assertThatThrownBy(() -> format("declare-exchange", "topic")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.enqueuer.test.declare-exchange");
    assertThatThrownBy(() -> format("exchange", "x", "declare-exchange", "round-robin"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bugle.enqueuer.test.declare-exchange");
    assertThatThrownBy(() -> format("exchange", "x", "binding-key", "k")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.enqueuer.test.binding-key");
  }
}
