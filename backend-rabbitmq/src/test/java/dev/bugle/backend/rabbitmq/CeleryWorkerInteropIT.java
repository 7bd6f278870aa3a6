package dev.bugle.backend.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.support.JobJson;
import dev.bugle.testkit.FirePlaceholders;
import dev.bugle.testkit.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Celery 5 worker (Debian's python3-celery, its own process) runs the tasks Bugle published: arguments
 * arrive intact, the task id is the job id, an expired task is discarded and an ETA task waits for its ETA.
 */
class CeleryWorkerInteropIT {
  private static final String TASK = "bugle_it_tasks.record";
  private final String queue = RabbitBroker.uniqueName("celery-interop");
  @TempDir
  Path dir;

  @Test
  void aRealCeleryWorkerRunsWhatBuglePublishedHonouringEtaAndExpires() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Path out = Files.createDirectories(dir.resolve("out"));
    Instant now = Instant.now();
    try (Enqueuer enqueuer = new CeleryEnqueuerProvider().create(TestSettings.enqueuer(
        "uri", RabbitBroker.URI, "queue", queue, "expires", "10m"))) {
      JobRequest expired = job(now.minus(Duration.ofMinutes(10)), Map.of("expires", "1m"), List.of("expired"),
          Map.of());
      JobRequest intact = job(now, Map.of(), richArgs(), richKwargs());
      String marker = "placeholders-" + UUID.randomUUID();
      JobRequest placeholders = FirePlaceholders.fire(marker, TASK, null, FirePlaceholders.args(marker),
          FirePlaceholders.kwargs(), Map.of(), now.truncatedTo(ChronoUnit.SECONDS));
      enqueuer.enqueueAll(List.of(expired, intact, placeholders));

      try (CeleryWorker worker = CeleryWorker.start(queue, work, out)) {
        Map<String, Object> ran = read(worker.await(out.resolve(intact.id() + ".json"), Duration.ofSeconds(90)));
        assertThat(ran.get("id")).isEqualTo(intact.id().toString());
        assertThat(ran.get("root_id")).isEqualTo(intact.id().toString());
        assertThat(ran.get("args")).isEqualTo(roundTrip(intact.args()));
        assertThat(ran.get("kwargs")).isEqualTo(roundTrip(intact.kwargs()));
        Map<String, Object> filled = read(worker.await(out.resolve(placeholders.id() + ".json"),
            Duration.ofSeconds(30)));
        assertThat(filled.get("args")).isEqualTo(roundTrip(FirePlaceholders.expectedArgs(marker, placeholders)));
        assertThat(filled.get("kwargs")).isEqualTo(roundTrip(FirePlaceholders.expectedKwargs(placeholders)));
        assertThat(String.valueOf(ran.get("expires"))).startsWith(now.plus(Duration.ofMinutes(10)).toString()
            .substring(0, 16));

        // Published first on the same queue, so the single solo worker saw it first: discarded, never run.
        assertThat(out.resolve(expired.id() + ".json")).doesNotExist();
        assertThat(worker.log()).contains("Discarding revoked task: " + TASK + "[" + expired.id() + "]");

        Instant firedAt = Instant.now();
        JobRequest delayed = job(firedAt, Map.of("countdown", "4s"), List.of("later"), Map.of());
        enqueuer.enqueue(delayed);
        Map<String, Object> late = read(worker.await(out.resolve(delayed.id() + ".json"), Duration.ofSeconds(60)));
        double ranAt = ((Number) late.get("ran_at")).doubleValue();
        long etaMillis = firedAt.plusSeconds(4).toEpochMilli();
        assertThat((long) (ranAt * 1000)).as("ran at vs eta (epoch ms)").isGreaterThanOrEqualTo(etaMillis - 1);
        assertThat(String.valueOf(late.get("eta"))).startsWith(firedAt.plusSeconds(4).toString().substring(0, 16));
      }
    }
  }

  private static JobRequest job(Instant at, Map<String, String> options, List<Object> args,
      Map<String, Object> kwargs) {
    return JobRequest.of(TestSettings.NAMESPACE, "interop-" + UUID.randomUUID(), at, TASK, null, args, kwargs,
        options);
  }

  private static List<Object> richArgs() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("list", Arrays.asList(1, 2.5, null, "x", List.of(true, false)));
    nested.put("deep", Map.of("a", Map.of("b", List.of("c"))));
    return Arrays.asList("Grüße, 世界 ✓ 🎺", nested, null, 42, -7.25, "it's \"quoted\"\n");
  }

  private static Map<String, Object> richKwargs() {
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("note", "naïve café");
    kwargs.put("none", null);
    kwargs.put("nested", Map.of("ids", List.of(1, 2, 3), "empty", Map.of()));
    return kwargs;
  }

  private static Object roundTrip(Object value) throws Exception {
    return JobJson.mapper().readValue(JobJson.write(value), Object.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(Path file) throws Exception {
    return JobJson.mapper().readValue(file.toFile(), Map.class);
  }

  @AfterEach
  void deleteQueue() throws Exception {
    try (RabbitBroker broker = new RabbitBroker()) {
      broker.deleteQueues(queue);
    }
  }
}
