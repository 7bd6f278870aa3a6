package dev.bugle.backend.redis.internal;

import static dev.bugle.backend.redis.internal.Fixtures.job;
import static dev.bugle.backend.redis.internal.Fixtures.map;
import static dev.bugle.backend.redis.internal.Fixtures.settings;
import static dev.bugle.backend.redis.internal.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class RqFormatTest {

  private static Map<String, String> fields(RedisOp hset) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < hset.args().size(); i += 2) {
      m.put(text(hset.args().get(i)), text(hset.args().get(i + 1)));
    }
    return m;
  }

  private static String inflate(byte[] zlib) throws Exception {
    Inflater inflater = new Inflater();
    inflater.setInput(zlib);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[256];
    while (!inflater.finished()) {
      out.write(buf, 0, inflater.inflate(buf));
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void jobIsTheHashRqWritesThenItsIdOnTheQueue() throws Exception {
    JobRequest job = JobRequest.of("shop", "rates", Fixtures.AT, "tasks.rates", "high",
        Arrays.asList("USD", null), map("round", true), Map.of());
    RedisWrite w = RqFormat.read(settings()).write(job);
    assertThat(w.ensures()).containsExactly(RedisOp.sadd("rq:queues", "rq:queue:high"));
    RedisOp hset = w.pushes().get(0);
    assertThat(hset.command()).isEqualTo("HSET");
    assertThat(hset.key()).isEqualTo("rq:job:" + job.id());
    assertThat(w.pushes().get(1)).isEqualTo(new RedisOp("RPUSH", "rq:queue:high",
        List.of(job.id().toString().getBytes())));
    Map<String, String> f = fields(hset);
    assertThat(f).containsEntry("status", "queued")
        .containsEntry("created_at", "2026-01-01T00:00:00.123456Z")
        .containsEntry("enqueued_at", "2026-01-01T00:00:00.123456Z")
        .containsEntry("origin", "high")
        .containsEntry("timeout", "180")
        .containsEntry("description", "tasks.rates('USD', None, round=True)")
        .containsEntry("started_at", "").containsEntry("ended_at", "").containsEntry("worker_name", "")
        .doesNotContainKey("result_ttl");
    int data = 0;
    for (int i = 0; i < hset.args().size(); i += 2) {
      if (text(hset.args().get(i)).equals("data")) {
        data = i + 1;
      }
    }
    assertThat(inflate(hset.args().get(data))).isEqualTo("[\"tasks.rates\",null,[\"USD\",null],{\"round\":true}]");
  }

  @Test
  void timestampsHaveExactlySixFractionDigits() {
    assertThat(RqFormat.TIME.format(Instant.parse("2026-05-06T07:08:09Z"))).isEqualTo("2026-05-06T07:08:09.000000Z");
  }

  @Test
  void optionsFromTheEnqueuerAndTheSchedule() {
    RqFormat f = RqFormat.read(settings("timeout", "10m", "result-ttl", "1h", "description", "rates"));
    Map<String, String> fromEnqueuer = fields(f.write(job("x")).pushes().get(0));
    assertThat(fromEnqueuer).containsEntry("timeout", "600").containsEntry("result_ttl", "3600")
        .containsEntry("description", "rates");
    JobRequest job = job(List.of(), Map.of(), Map.of("timeout", "-1", "result-ttl", "30s", "description", "d"));
    assertThat(fields(f.write(job).pushes().get(0))).containsEntry("timeout", "-1")
        .containsEntry("result_ttl", "30").containsEntry("description", "d");
  }

  @Test
  void badTimeoutOptionNamesTheScheduleKey() {
    JobRequest job = job(List.of(), Map.of(), Map.of("timeout", "soon"));
    assertThatThrownBy(() -> RqFormat.read(settings()).write(job)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.schedule.rates.option.timeout");
  }
}
