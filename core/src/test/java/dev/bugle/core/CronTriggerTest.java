package dev.bugle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fire instants computed by hand from the zones' 2026 transitions, in UTC. */
class CronTriggerTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York"); // 2026-03-08 07:00Z, 2026-11-01 06:00Z
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin"); // 2026-03-29 01:00Z, 2026-10-25 01:00Z

  static List<String> fires(String cron, ZoneId zone, String from, int count) {
    Trigger trigger = CronTrigger.of(cron, zone);
    List<String> out = new ArrayList<>();
    Instant t = Instant.parse(from);
    for (int i = 0; i < count; i++) {
      t = trigger.nextAfter(t).orElseThrow();
      out.add(t.toString());
    }
    return out;
  }

  @Test
  void fixedHourInsideTheSpringGapFiresOnceAtTheGapsEnd_NewYork() {
    assertThat(fires("30 2 * * *", NEW_YORK, "2026-03-06T12:00:00Z", 4)).containsExactly(
        "2026-03-07T07:30:00Z", // 02:30 EST
        "2026-03-08T07:00:00Z", // 02:30 does not exist: 03:00 EDT, the first instant after the gap
        "2026-03-09T06:30:00Z", // 02:30 EDT
        "2026-03-10T06:30:00Z");
  }

  @Test
  void fixedHourInsideTheAutumnOverlapFiresOnceAtItsFirstOccurrence_NewYork() {
    assertThat(fires("30 1 * * *", NEW_YORK, "2026-10-30T12:00:00Z", 3)).containsExactly(
        "2026-10-31T05:30:00Z", // 01:30 EDT
        "2026-11-01T05:30:00Z", // 01:30 EDT, the first of two 01:30s; not 06:30Z
        "2026-11-02T06:30:00Z"); // 01:30 EST
  }

  @Test
  void wildcardHourFollowsElapsedTimeAcrossBothTransitions_NewYork() {
    assertThat(fires("30 * * * *", NEW_YORK, "2026-03-08T05:00:00Z", 4)).containsExactly(
        "2026-03-08T05:30:00Z", "2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z", "2026-03-08T08:30:00Z");
    assertThat(fires("30 * * * *", NEW_YORK, "2026-11-01T04:00:00Z", 4)).containsExactly(
        "2026-11-01T04:30:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:30:00Z");
  }

  @Test
  void fixedHourAcrossBothTransitions_Berlin() {
    assertThat(fires("30 2 * * *", BERLIN, "2026-03-27T12:00:00Z", 3)).containsExactly(
        "2026-03-28T01:30:00Z", // 02:30 CET
        "2026-03-29T01:00:00Z", // in the gap: 03:00 CEST
        "2026-03-30T00:30:00Z"); // 02:30 CEST
    assertThat(fires("30 2 * * *", BERLIN, "2026-10-23T12:00:00Z", 3)).containsExactly(
        "2026-10-24T00:30:00Z", // 02:30 CEST
        "2026-10-25T00:30:00Z", // the first 02:30 (CEST); not 01:30Z
        "2026-10-26T01:30:00Z"); // 02:30 CET
  }

  @Test
  void wildcardHourAcrossBothTransitions_Berlin() {
    assertThat(fires("15 * * * *", BERLIN, "2026-03-28T23:00:00Z", 3)).containsExactly(
        "2026-03-28T23:15:00Z", "2026-03-29T00:15:00Z", "2026-03-29T01:15:00Z");
    assertThat(fires("15 * * * *", BERLIN, "2026-10-24T22:00:00Z", 5)).containsExactly(
        "2026-10-24T22:15:00Z", "2026-10-24T23:15:00Z", "2026-10-25T00:15:00Z", "2026-10-25T01:15:00Z",
        "2026-10-25T02:15:00Z");
  }

  @Test
  void stepHourFollowsElapsedTime() {
    // */1 in the hour field is a wildcard step: no extra fire is added for the gap.
    assertThat(fires("30 */1 * * *", NEW_YORK, "2026-03-08T06:00:00Z", 2)).containsExactly(
        "2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z");
  }

  @Test
  void weeklyFixedHourScheduleSkipsNoWeekAcrossTheGap() {
    // Sunday 02:30 in New York: the DST Sunday still gets its one fire.
    assertThat(fires("30 2 * * SUN", NEW_YORK, "2026-03-01T12:00:00Z", 3)).containsExactly(
        "2026-03-08T07:00:00Z", "2026-03-15T06:30:00Z", "2026-03-22T06:30:00Z");
  }

  @Test
  void sixFieldsHaveSecondsFirst() {
    assertThat(fires("15 0 9 * * MON", ZoneOffset.UTC, "2026-11-27T00:00:00Z", 2)).containsExactly(
        "2026-11-30T09:00:15Z", "2026-12-07T09:00:15Z");
    assertThat(fires("*/20 * * * * *", ZoneOffset.UTC, "2026-11-27T00:00:00Z", 3)).containsExactly(
        "2026-11-27T00:00:20Z", "2026-11-27T00:00:40Z", "2026-11-27T00:01:00Z");
  }

  @Test
  void sevenFieldsHaveAYearLast() {
    assertThat(fires("0 0 9 1 * ? 2027", ZoneOffset.UTC, "2026-11-27T00:00:00Z", 2)).containsExactly(
        "2027-01-01T09:00:00Z", "2027-02-01T09:00:00Z");
    assertThat(CronTrigger.of("0 0 9 1 1 ? 2026", ZoneOffset.UTC).nextAfter(Instant.parse("2026-11-27T00:00:00Z")))
        .isEmpty();
  }

  @Test
  void nicknames() {
    assertThat(fires("@hourly", ZoneOffset.UTC, "2026-11-27T10:20:00Z", 1)).containsExactly("2026-11-27T11:00:00Z");
    assertThat(fires("@daily", ZoneOffset.UTC, "2026-11-27T10:20:00Z", 1)).containsExactly("2026-11-28T00:00:00Z");
    assertThat(fires("@weekly", ZoneOffset.UTC, "2026-11-27T10:20:00Z", 1)).containsExactly("2026-11-29T00:00:00Z");
    assertThat(fires("@monthly", ZoneOffset.UTC, "2026-11-27T10:20:00Z", 1)).containsExactly("2026-12-01T00:00:00Z");
    assertThat(fires("@yearly", ZoneOffset.UTC, "2026-11-27T10:20:00Z", 1)).containsExactly("2027-01-01T00:00:00Z");
  }

  @Test
  void dayOfMonthAndDayOfWeekAreOredAsInVixieCron() {
    // The 13th, or any Friday: 2026-11-27 (Fri) then 2026-12-04 (Fri), 2026-12-11 (Fri), 2026-12-13 (Sun).
    assertThat(fires("0 12 13 * 5", ZoneOffset.UTC, "2026-11-27T00:00:00Z", 4)).containsExactly(
        "2026-11-27T12:00:00Z", "2026-12-04T12:00:00Z", "2026-12-11T12:00:00Z", "2026-12-13T12:00:00Z");
  }

  @Test
  void sundayIsZeroOrSeven() {
    assertThat(fires("0 0 * * 7", ZoneOffset.UTC, "2026-11-27T00:00:00Z", 1))
        .isEqualTo(fires("0 0 * * 0", ZoneOffset.UTC, "2026-11-27T00:00:00Z", 1))
        .containsExactly("2026-11-29T00:00:00Z");
  }

  @Test
  void schedulesWithTheSameExpressionAndZoneShareOneTriggerWhoseRememberedAnswerIsRight() {
    CronTrigger a = CronTrigger.of("30 2 * * *", NEW_YORK);
    assertThat(CronTrigger.of("30  2 * * *", NEW_YORK)).isSameAs(a);
    assertThat(CronTrigger.of("30 2 * * *", BERLIN)).isNotSameAs(a);
    Instant from = Instant.parse("2026-03-07T12:00:00Z");
    Instant first = a.nextAfter(from).orElseThrow();
    assertThat(a.nextAfter(from)).contains(first); // the remembered answer
    assertThat(a.nextAfter(first)).contains(Instant.parse("2026-03-09T06:30:00Z"));
    assertThat(a.nextAfter(from)).as("asked again after another question").contains(first)
        .contains(Instant.parse("2026-03-08T07:00:00Z"));
  }

  @Test
  void badExpressionsAreRejectedWithTheReason() {
    assertThatThrownBy(() -> CronTrigger.of("0 * * *", ZoneOffset.UTC)).hasMessageContaining("5, 6 or 7 fields");
    assertThatThrownBy(() -> CronTrigger.of("61 * * * *", ZoneOffset.UTC)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CronTrigger.of("@fortnightly", ZoneOffset.UTC)).hasMessageContaining("@daily");
  }
}
