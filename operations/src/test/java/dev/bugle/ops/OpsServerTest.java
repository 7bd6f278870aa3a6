package dev.bugle.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.core.ConfigLoader;
import dev.bugle.core.Providers;
import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.FireOutcome;
import dev.bugle.core.event.NodeState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoints in-process, fed purely through listener events and a node view the test controls. */
class OpsServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicReference<Duration> heartbeat = new AtomicReference<>(Duration.ZERO);

  @TempDir
  Path tmp;

  private Components parts;
  private Operations ops;

  @BeforeEach
  void start() {
    Map<String, String> p = new HashMap<>();
    p.put("bugle.namespace", "ut");
    p.put("bugle.lock.local.dir", tmp.toString());
    p.put("bugle.http.port", "0");
    p.put("bugle.node.name", "node-a");
    p.put("bugle.schedule.tick.every", "1s");
    p.put("bugle.schedule.tick.job", "TickJob");
    p.put("bugle.schedule.digest.cron", "0 9 * * MON");
    p.put("bugle.schedule.digest.time-zone", "America/New_York");
    p.put("bugle.schedule.digest.job", "DigestJob");
    BugleConfig config = ConfigLoader.parse(p, Map.of());
    parts = Components.assemble(config, Providers.load(getClass().getClassLoader()), InstantSource.system());
    ops = Operations.create(config, InstantSource.system());
    ops.start(NodeView.of(ops.model()::state, heartbeat::get, () -> config, () -> parts));
  }

  @AfterEach
  void stop() {
    ops.close();
    parts.close();
  }

  private void send(java.util.function.Consumer<BugleListener> event) {
    ops.listeners().forEach(event);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void probesFollowTheNode() throws Exception {
    send(l -> l.onStateChange(Events.state(NodeState.LEADING, 3)));
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    heartbeat.set(Duration.ofSeconds(11));
    HttpResponse<String> wedged = get("/healthz");
    assertThat(wedged.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(wedged.body()).get("heartbeat_age_seconds").asDouble()).isEqualTo(11.0);
    send(l -> l.onStateChange(Events.state(NodeState.STOPPING, 0)));
    assertThat(get("/readyz").statusCode()).isEqualTo(503);
  }

  @Test
  void statusAndSchedulesComeFromTheEvents() throws Exception {
    Instant t = Instant.parse("2026-12-01T10:00:05Z");
    send(l -> l.onStateChange(Events.state(NodeState.LEADING, 3)));
    send(l -> l.onPlanned(Events.planned("digest", Instant.parse("2026-12-07T14:00:00Z"), null)));
    send(l -> l.onPlanned(Events.planned("tick", t, null)));
    send(l -> l.onFire(Events.fire("tick", FireOutcome.ENQUEUED, t, 25)));
    send(l -> l.onPlanned(Events.planned("tick", t.plusSeconds(1), t)));

    JsonNode status = JSON.readTree(get("/api/v1/status").body());
    assertThat(status.get("node").asText()).isEqualTo("node-a");
    assertThat(status.get("state").asText()).isEqualTo("leading");
    assertThat(status.get("lock").asText()).isEqualTo("local");
    assertThat(status.get("fencing_token").asLong()).isEqualTo(3);
    assertThat(status.get("leader").get("holder").asText()).isEqualTo("node-a");
    assertThat(status.get("leader").get("self").asBoolean()).isTrue();
    assertThat(status.get("recent_fires").get(0).get("lateness_seconds").asDouble()).isEqualTo(0.025);
    assertThat(status.hasNonNull("started_at")).isTrue();
    assertThat(status.hasNonNull("version")).isTrue();

    JsonNode list = JSON.readTree(get("/api/v1/schedules").body());
    assertThat(list).hasSize(2);
    JsonNode digest = list.get(0);
    assertThat(digest.get("name").asText()).isEqualTo("digest");
    assertThat(digest.get("trigger").asText()).isEqualTo("cron '0 9 * * MON' in America/New_York");
    assertThat(digest.get("time_zone").asText()).isEqualTo("America/New_York");
    assertThat(digest.get("exactly_once").asBoolean()).as("the log enqueuer does not deduplicate").isFalse();
    assertThat(digest.get("last_fire").isNull()).as("never fired").isTrue();
    assertThat(digest.get("next_fire").asText()).isEqualTo("2026-12-07T14:00:00Z");
    JsonNode tick = list.get(1);
    assertThat(tick.get("last_fire").asText()).isEqualTo(t.toString());
    assertThat(tick.get("last_outcome").asText()).isEqualTo("enqueued");
    assertThat(tick.get("failing").asBoolean()).isFalse();
    assertThat(JSON.readTree(get("/api/v1/schedules?offset=1&limit=1").body()).get(0).get("name").asText())
        .isEqualTo("tick");
  }

  @Test
  void aFailingScheduleIsFlaggedWithItsErrorMasked() throws Exception {
    send(l -> l.onFire(Events.failed("tick", FireOutcome.GIVEN_UP, Instant.now(),
        "cannot reach amqp://bugle:s3cret@mq:5672/ (refused)")));
    String body = get("/api/v1/schedules").body();
    JsonNode tick = JSON.readTree(body).get(1);
    assertThat(tick.get("failing").asBoolean()).isTrue();
    assertThat(tick.get("given_up").asLong()).isEqualTo(1);
    assertThat(tick.get("last_error").asText()).contains("amqp://bugle:****@mq");
    assertThat(body + get("/api/v1/status").body()).doesNotContain("s3cret");
  }

  @Test
  void metricsPageTimelineAndReadOnly() throws Exception {
    send(l -> l.onStateChange(Events.state(NodeState.STANDBY, 0)));
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body()).contains("bugle_leader 0.0").contains("bugle_schedules 2.0")
        .contains("jvm_memory_used_bytes");

    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>Bugle status</title>").doesNotContain("http://").doesNotContain("https://");
    assertThat(get("/nothing").statusCode()).isEqualTo(404);

    JsonNode timeline = JSON.readTree(get("/api/v1/timeline?hours=24").body());
    JsonNode first = timeline.get("schedules").get(0);
    assertThat(first.get("name").asText()).isEqualTo("tick");
    assertThat(first.get("fires")).hasSize(Timeline.MAX_FIRES);
    assertThat(first.get("more").asBoolean()).isTrue();

    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port()
        + "/api/v1/status")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }
}
