package dev.bugle.ops;

import static dev.bugle.ops.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.event.FireOutcome;
import dev.bugle.core.event.NodeState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusModelTest {
  private final StatusModel model = new StatusModel();

  @Test
  void followsTheNodeStateAndItsFencingToken() {
    assertThat(model.state()).isEqualTo(NodeState.STARTING);
    model.onStateChange(Events.state(NodeState.STANDBY, 0));
    assertThat(model.state()).isEqualTo(NodeState.STANDBY);
    assertThat(model.fencingToken()).isEmpty();
    model.onStateChange(Events.state(NodeState.LEADING, 7));
    assertThat(model.state()).isEqualTo(NodeState.LEADING);
    assertThat(model.fencingToken()).hasValue(7);
    model.onStateChange(Events.state(NodeState.LOST, 7));
    assertThat(model.fencingToken()).as("the loss names the lease it ended").hasValue(7);
    model.onStateChange(Events.state(NodeState.STANDBY, 0));
    assertThat(model.fencingToken()).isEmpty();
  }

  @Test
  void aPlannedScheduleThatNeverFiredHasNoLastFire() {
    assertThat(model.schedule("digest").planned()).isFalse();
    model.onPlanned(Events.planned("digest", T0.plusSeconds(60), null));
    ScheduleState s = model.schedule("digest");
    assertThat(s.planned()).isTrue();
    assertThat(s.nextFire()).hasValue(T0.plusSeconds(60));
    assertThat(s.lastFire()).isEmpty();
    assertThat(s.lastOutcome()).isEmpty();
  }

  @Test
  void anAcknowledgedFireMovesTheLastFireAndClearsTheHighlight() {
    model.onPlanned(Events.planned("tick", T0, null));
    model.onFire(Events.failed("tick", FireOutcome.RETRYING, T0, "connection refused"));
    assertThat(model.schedule("tick").failing()).isTrue();
    assertThat(model.schedule("tick").lastFire()).isEmpty();

    model.onFire(Events.fire("tick", FireOutcome.ENQUEUED, T0, 40));
    model.onPlanned(Events.planned("tick", T0.plusSeconds(1), T0));
    ScheduleState s = model.schedule("tick");
    assertThat(s.lastFire()).hasValue(T0);
    assertThat(s.nextFire()).hasValue(T0.plusSeconds(1));
    assertThat(s.lastOutcome()).hasValue(FireOutcome.ENQUEUED);
    assertThat(s.failing()).isFalse();
    assertThat(s.lastError()).as("the last error stays for the operator").hasValue("connection refused");
  }

  @Test
  void countsMissedAndGivenUpFiresAndMasksTheError() {
    model.onFire(Events.skipped("digest", T0, 5, Duration.ofMinutes(1)));
    model.onFire(Events.failed("digest", FireOutcome.GIVEN_UP, T0.plusSeconds(600),
        "redis://app:hunter2@redis:6379/0 refused"));
    model.onFire(Events.failed("digest", FireOutcome.GIVEN_UP, T0.plusSeconds(660), "refused"));
    ScheduleState s = model.schedule("digest");
    assertThat(s.missed()).isEqualTo(5);
    assertThat(s.givenUp()).isEqualTo(2);
    assertThat(s.failing()).isTrue();
    model.onFire(Events.failed("digest", FireOutcome.GIVEN_UP, T0, "redis://app:hunter2@redis:6379/0 refused"));
    assertThat(model.schedule("digest").lastError()).hasValue("redis://app:****@redis:6379/0 refused");
  }

  @Test
  void keepsABoundedRingOfRecentFiresNewestFirst() {
    for (int i = 0; i < StatusModel.RECENT + 50; i++) {
      model.onFire(Events.fire("s" + (i % 3), FireOutcome.ENQUEUED, T0.plusSeconds(i), i));
    }
    assertThat(model.recentFires()).hasSize(StatusModel.RECENT);
    assertThat(model.recentFires().get(0).last()).isEqualTo(T0.plusSeconds(StatusModel.RECENT + 49));
    assertThat(model.recentFires().get(0).lateness()).isEqualTo(Duration.ofMillis(StatusModel.RECENT + 49));
  }

  @Test
  void anOlderFireDoesNotMoveTheLastFireBack() {
    Instant later = T0.plusSeconds(60);
    model.onFire(Events.fire("tick", FireOutcome.ENQUEUED, later, 1));
    model.onFire(Events.fire("tick", FireOutcome.DEDUPLICATED, T0, 1));
    assertThat(model.schedule("tick").lastFire()).hasValue(later);
    assertThat(model.schedule("tick").lastOutcome()).hasValue(FireOutcome.DEDUPLICATED);
  }
}
