package dev.bugle.backend.redis.internal;

import static dev.bugle.backend.redis.internal.Fixtures.job;
import static dev.bugle.backend.redis.internal.Fixtures.payload;
import static dev.bugle.backend.redis.internal.Fixtures.settings;
import static dev.bugle.backend.redis.internal.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtherFormatsTest {

  @Test
  void resqueIsClassAndArgsUnderItsNamespace() {
    RedisWrite w = ResqueFormat.read(settings("namespace", "app")).write(job("tar", 35));
    assertThat(w.ensures()).containsExactly(RedisOp.sadd("app:queues", "default"));
    assertThat(w.pushes().get(0).command()).isEqualTo("RPUSH");
    assertThat(w.pushes().get(0).key()).isEqualTo("app:queue:default");
    assertThat(text(payload(w))).isEqualTo("{\"class\":\"CurrencyRatesJob\",\"args\":[\"tar\",35]}");
    assertThat(ResqueFormat.read(settings()).write(job()).pushes().get(0).key()).isEqualTo("resque:queue:default");
  }

  @Test
  void resqueRefusesKwargs() {
    JobRequest job = job(List.of(), Map.of("k", 1), Map.of());
    assertThatThrownBy(() -> ResqueFormat.read(settings()).write(job)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.schedule.rates.kwargs");
  }

  @Test
  void redisJsonPushesTheEnvelopeToItsKey() {
    JobRequest job = job(List.of(1), Map.of("k", "v"), Map.of());
    RedisWrite left = RedisJsonFormat.read(settings("key", "jobs")).write(job);
    assertThat(left.ensures()).isEmpty();
    assertThat(left.pushes().get(0).command()).isEqualTo("LPUSH");
    assertThat(text(payload(left))).isEqualTo("{\"id\":\"" + job.id() + "\",\"namespace\":\"shop\","
        + "\"schedule\":\"rates\",\"scheduled_at\":\"2026-01-01T00:00:00Z\",\"job\":\"CurrencyRatesJob\","
        + "\"queue\":null,\"args\":[1],\"kwargs\":{\"k\":\"v\"}}");
    RedisWrite right = RedisJsonFormat.read(settings("key", "jobs", "push", "rpush")).write(job);
    assertThat(right.pushes().get(0).command()).isEqualTo("RPUSH");
  }

  @Test
  void argsThatAreNotJsonNameTheArgsKey() {
    JobRequest job = job(List.of(new Unwritable()), Map.of(), Map.of());
    assertThatThrownBy(() -> ResqueFormat.read(settings()).write(job)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.schedule.rates.args");
  }
}
