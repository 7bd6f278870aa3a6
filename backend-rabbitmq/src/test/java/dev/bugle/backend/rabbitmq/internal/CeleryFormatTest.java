package dev.bugle.backend.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import dev.bugle.support.JobJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CeleryFormatTest {
  private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
  private static final CelerySettings DEFAULTS = new CelerySettings("celery", "", null, true, null, null, 0,
      "bugle@shop");

  private static JobRequest job(String queue, Map<String, String> options) {
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("note", "Grüße");
    kwargs.put("nested", Map.of("k", Arrays.asList(1, null)));
    return JobRequest.of("shop", "rates", AT, "tasks.refresh_rates", queue, Arrays.asList("USD", 2, null), kwargs,
        options);
  }

  @Test
  void writesProtocolTwoWithTheJobIdAsTaskId() throws Exception {
    JobRequest job = job(null, Map.of());
    OutgoingMessage m = new CeleryFormat(DEFAULTS).toMessage(job);
    String id = job.id().toString();

    assertThat(m.jobId()).isEqualTo(id);
    assertThat(m.exchange()).isEmpty();
    assertThat(m.routingKey()).isEqualTo("celery");
    assertThat(m.declarations()).containsExactly(new Declaration.Queue("celery"));

    assertThat(m.properties().getContentType()).isEqualTo("application/json");
    assertThat(m.properties().getContentEncoding()).isEqualTo("utf-8");
    assertThat(m.properties().getDeliveryMode()).isEqualTo(2);
    assertThat(m.properties().getPriority()).isZero();
    assertThat(m.properties().getCorrelationId()).isEqualTo(id);

    Map<String, Object> h = m.properties().getHeaders();
    assertThat(h).containsKeys("lang", "task", "id", "shadow", "eta", "expires", "group", "group_index", "retries",
        "timelimit", "root_id", "parent_id", "argsrepr", "kwargsrepr", "origin", "ignore_result");
    assertThat(h).containsEntry("lang", "py").containsEntry("task", "tasks.refresh_rates").containsEntry("id", id)
        .containsEntry("root_id", id).containsEntry("parent_id", null).containsEntry("group", null)
        .containsEntry("retries", 0).containsEntry("eta", null).containsEntry("expires", null)
        .containsEntry("origin", "bugle@shop").containsEntry("ignore_result", false)
        .containsEntry("timelimit", Arrays.asList(null, null))
        .containsEntry("argsrepr", "['USD', 2, None]");
    assertThat((String) h.get("kwargsrepr")).startsWith("{'note': 'Grüße', 'nested': {'k': [1, None]}}");

    List<Object> body = JobJson.mapper().readValue(m.body(), new TypeReference<>() { });
    assertThat(body).hasSize(3);
    assertThat(body.get(0)).isEqualTo(job.args());
    assertThat(body.get(1)).isEqualTo(JobJson.mapper().convertValue(job.kwargs(), Map.class));
    Map<String, Object> embed = new LinkedHashMap<>();
    for (String k : List.of("callbacks", "errbacks", "chain", "chord")) {
      embed.put(k, null);
    }
    assertThat(body.get(2)).isEqualTo(embed);
    assertThat(new String(m.body(), "UTF-8"))
        .endsWith("{\"callbacks\":null,\"errbacks\":null,\"chain\":null,\"chord\":null}]");
  }

  @Test
  void etaAndExpiresAreIsoWithOffsetRelativeToTheFireTime() {
    CelerySettings s = new CelerySettings("celery", "", null, true, Duration.ofMinutes(10), Duration.ofSeconds(30),
        0, "o");
    Map<String, Object> h = new CeleryFormat(s).toMessage(job(null, Map.of())).properties().getHeaders();
    assertThat(h).containsEntry("eta", "2026-03-01T09:00:30+00:00")
        .containsEntry("expires", "2026-03-01T09:10:00+00:00");
    assertThat(PythonTime.isoformat(Instant.parse("2026-03-01T09:00:00.123456789Z")))
        .isEqualTo("2026-03-01T09:00:00.123456+00:00");
  }

  @Test
  void perScheduleOptionsOverrideTheSettings() {
    CelerySettings s = new CelerySettings("celery", "", null, true, Duration.ofMinutes(10), null, 0, "o");
    OutgoingMessage m = new CeleryFormat(s).toMessage(job("reports", Map.of("expires", "0", "countdown", "5s",
        "priority", "7", "time-limit", "90s", "soft-time-limit", "1500ms")));
    assertThat(m.routingKey()).isEqualTo("reports");
    assertThat(m.properties().getPriority()).isEqualTo(7);
    assertThat(m.properties().getHeaders()).containsEntry("expires", null)
        .containsEntry("eta", "2026-03-01T09:00:05+00:00")
        .containsEntry("timelimit", Arrays.asList(90L, 1.5));
  }

  @Test
  void aNamedExchangeIsDeclaredDirectAndBoundAsTheWorkerDoes() {
    CelerySettings s = new CelerySettings("celery", "celery", null, true, null, null, 0, "o");
    OutgoingMessage m = new CeleryFormat(s).toMessage(job(null, Map.of()));
    assertThat(m.exchange()).isEqualTo("celery");
    assertThat(m.routingKey()).isEqualTo("celery");
    assertThat(m.declarations()).containsExactly(new Declaration.Exchange("celery", "direct"),
        new Declaration.Queue("celery"), new Declaration.Binding("celery", "celery", "celery"));
    CelerySettings off = new CelerySettings("celery", "", null, false, null, null, 0, "o");
    assertThat(new CeleryFormat(off).toMessage(job(null, Map.of())).declarations()).isEmpty();
  }

  @Test
  void badOptionsNameTheirFullKey() {
    CeleryFormat f = new CeleryFormat(DEFAULTS);
    assertThatThrownBy(() -> f.toMessage(job(null, Map.of("expires", "soon"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bugle.schedule.rates.option.expires");
    assertThatThrownBy(() -> f.toMessage(job(null, Map.of("priority", "300"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bugle.schedule.rates.option.priority");
    assertThatThrownBy(() -> f.toMessage(job(null, Map.of("countdown", "1m", "expires", "30s"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bugle.schedule.rates.option.expires");
  }
}
