package dev.bugle.ops;

import static dev.bugle.ops.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.event.FireOutcome;
import dev.bugle.core.event.NodeState;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MetricsListenerTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private String scrape() {
    return registry.scrape();
  }

  @Test
  void countsFiresPerScheduleEnqueuerAndOutcome() {
    MetricsListener m = new MetricsListener(registry, List.of("digest", "tick"), 1000);
    m.onFire(Events.fire("tick", FireOutcome.ENQUEUED, T0, 20));
    m.onFire(Events.fire("tick", FireOutcome.ENQUEUED, T0.plusSeconds(1), 300));
    m.onFire(Events.failed("digest", FireOutcome.GIVEN_UP, T0, "refused"));
    m.onFire(Events.skipped("digest", T0, 4, Duration.ofMinutes(1)));
    String text = scrape();
    assertThat(text).contains("bugle_fires_total{enqueuer=\"main\",outcome=\"enqueued\",schedule=\"tick\"} 2.0")
        .contains("bugle_fires_total{enqueuer=\"main\",outcome=\"given_up\",schedule=\"digest\"} 1.0")
        .contains("bugle_fires_total{enqueuer=\"main\",outcome=\"skipped_misfire\",schedule=\"digest\"} 4.0")
        .contains("bugle_fire_lateness_seconds_count{enqueuer=\"main\"} 2")
        .contains("bugle_fire_lateness_seconds_bucket{enqueuer=\"main\",le=\"0.025\"} 1")
        .contains("bugle_fire_lateness_seconds_bucket{enqueuer=\"main\",le=\"0.5\"} 2")
        .contains("bugle_enqueue_duration_seconds_count{enqueuer=\"main\"} 3")
        .contains("bugle_schedules 2.0");
  }

  @Test
  void leaderGaugeFencingTokenAndLostLeases() {
    MetricsListener m = new MetricsListener(registry, List.of("tick"), 1000);
    m.onStateChange(Events.state(NodeState.STANDBY, 0));
    assertThat(scrape()).contains("bugle_leader 0.0").contains("bugle_fencing_token 0.0");
    m.onStateChange(Events.state(NodeState.LEADING, 42));
    assertThat(scrape()).contains("bugle_leader 1.0").contains("bugle_fencing_token 42.0");
    m.onStateChange(Events.state(NodeState.LOST, 42));
    assertThat(scrape()).contains("bugle_leader 0.0").contains("bugle_lease_lost_total 1.0");
  }

  @Test
  void lastAndNextFireTimestampsPerSchedule() {
    MetricsListener m = new MetricsListener(registry, List.of("tick", "once"), 1000);
    m.onPlanned(Events.planned("tick", T0.plusSeconds(1), T0));
    m.onPlanned(Events.planned("once", null, null));
    double t0 = T0.getEpochSecond();
    assertThat(scrape()).contains("bugle_next_fire_timestamp_seconds{schedule=\"tick\"} " + (t0 + 1))
        .contains("bugle_last_fire_timestamp_seconds{schedule=\"tick\"} " + t0)
        .contains("bugle_next_fire_timestamp_seconds{schedule=\"once\"} NaN")
        .doesNotContain("bugle_last_fire_timestamp_seconds{schedule=\"once\"}");
  }

  @Test
  void schedulesBeyondTheCapShareOneLabelAndGetNoTimestampSeries() {
    List<String> names = IntStream.range(0, 100_000).mapToObj(i -> String.format("s%06d", i)).toList();
    MetricsListener m = new MetricsListener(registry, names, 1000);
    for (String n : names) {
      m.onPlanned(Events.planned(n, T0.plusSeconds(1), T0));
      m.onFire(Events.fire(n, FireOutcome.ENQUEUED, T0, 5));
    }
    String text = scrape();
    assertThat(text).contains("bugle_fires_total{enqueuer=\"main\",outcome=\"enqueued\",schedule=\"_other\"} 99000.0")
        .contains("schedule=\"s000999\"").doesNotContain("schedule=\"s001000\"")
        .contains("bugle_schedules 100000.0");
    assertThat(text.lines().filter(l -> l.startsWith("bugle_next_fire_timestamp_seconds{")).count()).isEqualTo(1000);
    assertThat(text.length()).as("a scrape of 100,000 schedules stays bounded").isLessThan(400_000);
  }

  @Test
  void zeroSwitchesPerScheduleSeriesOff() {
    MetricsListener m = new MetricsListener(registry, List.of("tick"), 0);
    m.onPlanned(Events.planned("tick", T0.plusSeconds(1), T0));
    m.onFire(Events.fire("tick", FireOutcome.ENQUEUED, T0, 5));
    assertThat(scrape()).contains("schedule=\"_other\"").doesNotContain("schedule=\"tick\"")
        .doesNotContain("bugle_next_fire_timestamp_seconds{");
  }
}
