package dev.bugle.backend.redis.internal;

import static dev.bugle.backend.redis.internal.Fixtures.job;
import static dev.bugle.backend.redis.internal.Fixtures.map;
import static dev.bugle.backend.redis.internal.Fixtures.payload;
import static dev.bugle.backend.redis.internal.Fixtures.settings;
import static dev.bugle.backend.redis.internal.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SidekiqFormatTest {

  @Test
  void plainJobIsTheHashSidekiqsClientWrites() {
    JobRequest job = job("USD", 2);
    RedisWrite w = SidekiqFormat.read(settings()).write(job);
    assertThat(w.ensures()).containsExactly(RedisOp.sadd("queues", "default"));
    assertThat(w.pushes()).hasSize(1);
    assertThat(w.pushes().get(0).command()).isEqualTo("LPUSH");
    assertThat(w.pushes().get(0).key()).isEqualTo("queue:default");
    assertThat(text(payload(w))).isEqualTo("{\"retry\":true,\"queue\":\"default\",\"class\":\"CurrencyRatesJob\","
        + "\"args\":[\"USD\",2],\"jid\":\"" + job.idHex(24) + "\",\"created_at\":1767225600.123456,"
        + "\"enqueued_at\":1767225600.123456}");
    assertThat(job.idHex(24)).matches("[0-9a-f]{24}");
  }

  @Test
  void timesAlwaysHaveAFraction() {
    assertThat(SidekiqFormat.epochSeconds(Instant.parse("2026-01-01T00:00:00Z")).toString())
        .isEqualTo("1767225600.000000");
  }

  @Test
  void namespaceQueueAndOptionsFromTheEnqueuer() {
    SidekiqFormat f = SidekiqFormat.read(settings("namespace", "shop", "queue", "critical", "retry", "5",
        "backtrace", "10", "tags", "billing, nightly"));
    RedisWrite w = f.write(job("x"));
    assertThat(w.ensures()).containsExactly(RedisOp.sadd("shop:queues", "critical"));
    assertThat(w.pushes().get(0).key()).isEqualTo("shop:queue:critical");
    JsonNode hash = Fixtures.json(payload(w));
    assertThat(hash.get("retry").asInt()).isEqualTo(5);
    assertThat(hash.get("backtrace").asInt()).isEqualTo(10);
    assertThat(hash.get("tags").toString()).isEqualTo("[\"billing\",\"nightly\"]");
  }

  @Test
  void scheduleOptionsOverrideTheEnqueuerAndTheScheduleQueueWins() {
    SidekiqFormat f = SidekiqFormat.read(settings("retry", "5"));
    JobRequest job = JobRequest.of("shop", "rates", Fixtures.AT, "CurrencyRatesJob", "low", List.of(), Map.of(),
        Map.of("retry", "false", "backtrace", "true", "tags", "one"));
    JsonNode hash = Fixtures.json(payload(f.write(job)));
    assertThat(hash.get("retry").asBoolean()).isFalse();
    assertThat(hash.get("backtrace").asBoolean()).isTrue();
    assertThat(hash.get("tags").toString()).isEqualTo("[\"one\"]");
    assertThat(hash.get("queue").asText()).isEqualTo("low");
  }

  @Test
  void badScheduleOptionNamesTheScheduleKey() {
    SidekiqFormat f = SidekiqFormat.read(settings());
    JobRequest job = job(List.of(), Map.of(), Map.of("retry", "-3"));
    assertThatThrownBy(() -> f.write(job)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.schedule.rates.option.retry").hasMessageContaining("for example");
  }

  @Test
  void plainSidekiqRefusesKwargs() {
    JobRequest job = job(List.of(1), Map.of("k", 1), Map.of());
    assertThatThrownBy(() -> SidekiqFormat.read(settings()).write(job)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.schedule.rates.kwargs");
  }

  @Test
  void activeJobWrapsTheJobForTheSidekiqAdapter() {
    JobRequest job = job(List.of("World", map("x", 1, "nested", map("y", List.of(map("z", 2))))),
        map("currency", "EUR"), Map.of());
    RedisWrite w = SidekiqFormat.read(settings("active-job", "true", "locale", "de")).write(job);
    JsonNode hash = Fixtures.json(payload(w));
    assertThat(hash.get("class").asText()).isEqualTo("ActiveJob::QueueAdapters::SidekiqAdapter::JobWrapper");
    assertThat(hash.get("wrapped").asText()).isEqualTo("CurrencyRatesJob");
    assertThat(hash.get("jid").asText()).isEqualTo(job.idHex(24));
    JsonNode data = hash.get("args").get(0);
    assertThat(data.toString()).isEqualTo("{\"job_class\":\"CurrencyRatesJob\",\"job_id\":\"" + job.id() + "\","
        + "\"provider_job_id\":null,\"queue_name\":\"default\",\"priority\":null,\"arguments\":[\"World\","
        + "{\"x\":1,\"nested\":{\"y\":[{\"z\":2,\"_aj_symbol_keys\":[]}],\"_aj_symbol_keys\":[]},"
        + "\"_aj_symbol_keys\":[]},{\"currency\":\"EUR\",\"_aj_ruby2_keywords\":[\"currency\"]}],"
        + "\"executions\":0,\"exception_executions\":{},\"locale\":\"de\",\"timezone\":\"UTC\","
        + "\"enqueued_at\":\"2026-01-01T00:00:00Z\"}");
  }

  @Test
  void activeJobRefusesItsReservedKeys() {
    SidekiqFormat f = SidekiqFormat.read(settings("active-job", "true"));
    assertThatThrownBy(() -> f.write(job(List.of(map("_aj_globalid", "x")), Map.of(), Map.of())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bugle.schedule.rates.args");
    assertThatThrownBy(() -> f.write(job(List.of(), map("_aj_symbol_keys", 1), Map.of())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bugle.schedule.rates.kwargs");
  }
}
