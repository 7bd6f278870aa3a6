package dev.bugle.backend.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.core.PropertySettings;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.testkit.TestSettings;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProvidersTest {

  @Test
  void bothTypesAreFoundByServiceLoader() {
    assertThat(ServiceLoader.load(EnqueuerProvider.class).stream().map(p -> p.get().type())
        .collect(Collectors.toSet())).contains("celery", "amqp-json");
  }

  @Test
  void createReadsEverySettingMarksThePasswordSecretAndDoesNotConnect() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String uri = "amqp://bob:pw@127.0.0.1:" + closedPort + "/shop";
    PropertySettings celery = TestSettings.enqueuer("uri", uri, "password", "s3cr3t-pw", "connection-name", "n",
        "connect-timeout", "2s", "confirm-timeout", "3s", "heartbeat", "30s", "recovery-interval", "1s",
        "queue", "q", "exchange", "celery", "routing-key", "rk", "declare", "false", "expires", "10m",
        "countdown", "5s", "priority", "3");
    try (Enqueuer e = new CeleryEnqueuerProvider().create(celery)) {
      assertThat(celery.unreadKeys()).isEmpty();
      assertThat(celery.secretKeys()).contains("password");
      assertThat(e.deduplicates()).isFalse();
      assertThat(e.jobOptions()).contains("expires", "countdown", "priority");
      // Only the first enqueue connects; the port is closed, so the error proves nothing connected before.
      JobRequest job = JobRequest.of("test", "s", Instant.EPOCH, "tasks.x", null, List.of(), Map.of(), Map.of());
      assertThatThrownBy(() -> e.enqueue(job)).isInstanceOf(EnqueueException.class)
          .hasMessageContaining("amqp://bob:****@127.0.0.1:" + closedPort + "/shop")
          .hasMessageNotContaining("s3cr3t-pw").hasMessageNotContaining(":pw@");
    }
    PropertySettings json = TestSettings.enqueuer("uri", uri, "exchange", "x", "routing-key", "k",
        "declare-exchange", "topic", "declare-queue", "q", "binding-key", "#");
    try (Enqueuer e = new AmqpJsonEnqueuerProvider().create(json)) {
      assertThat(json.unreadKeys()).isEmpty();
      assertThat(e.deduplicates()).isFalse();
    }
  }

  @Test
  void badSettingsNameTheirKeyWithAnExample() {
    assertThatThrownBy(() -> new CeleryEnqueuerProvider().create(TestSettings.enqueuer("confirm-timeout", "0")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bugle.enqueuer.test.confirm-timeout")
        .hasMessageContaining("for example");
    assertThatThrownBy(() -> new CeleryEnqueuerProvider().create(TestSettings.enqueuer("routing-key", "x")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bugle.enqueuer.test.routing-key");
    assertThatThrownBy(() -> new CeleryEnqueuerProvider().create(TestSettings.enqueuer("priority", "256")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bugle.enqueuer.test.priority");
    assertThatThrownBy(() -> new AmqpJsonEnqueuerProvider().create(TestSettings.enqueuer("uri", "redis://h")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bugle.enqueuer.test.uri");
  }

  @Test
  void validateRejectsAScheduleWithoutARoutingKeyBeforeAnythingStarts() {
    try (Enqueuer e = new AmqpJsonEnqueuerProvider().create(TestSettings.enqueuer())) {
      JobRequest job = JobRequest.of("test", "s", Instant.EPOCH, "J", null, List.of(), Map.of(), Map.of());
      assertThatThrownBy(() -> e.validate(job)).isInstanceOf(ConfigException.class)
          .hasMessageContaining("bugle.enqueuer.test.routing-key");
    }
  }
}
