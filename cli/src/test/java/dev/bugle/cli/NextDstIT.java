package dev.bugle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bugle next} across the 2026 daylight-saving changes prints exactly the instants of a table computed by
 * hand from the zone rules (not by the code under test):
 *
 * <ul>
 *   <li>America/New_York: spring forward Sun 2026-03-08 02:00 EST (-05:00) → 03:00 EDT (-04:00);
 *       fall back Sun 2026-11-01 02:00 EDT → 01:00 EST, so 01:00–01:59 happens twice.</li>
 *   <li>Europe/Berlin: spring forward Sun 2026-03-29 02:00 CET (+01:00) → 03:00 CEST (+02:00);
 *       fall back Sun 2026-10-25 03:00 CEST → 02:00 CET, so 02:00–02:59 happens twice.</li>
 * </ul>
 *
 * A fixed-hour schedule fires exactly once each matching local day: 02:30 inside the spring gap fires at the gap's
 * end (03:00), a time inside the autumn overlap fires once, at its first occurrence. A wildcard-hour schedule follows
 * elapsed time: it skips the hour that does not exist and fires twice in the hour that happens twice. Day and
 * month fields keep every schedule near its transition, so one command prints the whole table.
 */
class NextDstIT {
  @TempDir
  Path tmp;

  @Test
  void nextPrintsTheHandComputedTableAcrossBothTransitionsInBothZones() {
    Path config = new Workspace(tmp).config("dst",
        schedule("ny-spring-fixed", "30 2 6-10 3 *", "America/New_York"),
        schedule("ny-spring-hourly", "30 * 8 3 *", "America/New_York"),
        schedule("ny-autumn-fixed", "30 1 * 11 *", "America/New_York"),
        schedule("ny-autumn-hourly", "30 * 1 11 *", "America/New_York"),
        schedule("berlin-spring-fixed", "30 2 27-31 3 *", "Europe/Berlin"),
        schedule("berlin-spring-hourly", "30 * 29 3 *", "Europe/Berlin"),
        schedule("berlin-autumn-fixed", "30 2 23-27 10 *", "Europe/Berlin"),
        schedule("berlin-autumn-hourly", "30 * 25 10 *", "Europe/Berlin"));

    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), "next", config.toString(),
        "--from", "2026-01-01T00:00:00Z", "--count", "4");

    assertThat(p.exitCode()).as(p.transcript()).isZero();
    // Schedules in name order, each one's fires in time order.
    assertThat(p.stdout()).as(p.transcript()).containsExactly(
        "berlin-autumn-fixed\t2026-10-23T02:30:00+02:00",
        "berlin-autumn-fixed\t2026-10-24T02:30:00+02:00",
        "berlin-autumn-fixed\t2026-10-25T02:30:00+02:00", // first 02:30 of the doubled hour, once
        "berlin-autumn-fixed\t2026-10-26T02:30:00+01:00",
        "berlin-autumn-hourly\t2026-10-25T00:30:00+02:00",
        "berlin-autumn-hourly\t2026-10-25T01:30:00+02:00",
        "berlin-autumn-hourly\t2026-10-25T02:30:00+02:00", // 00:30Z
        "berlin-autumn-hourly\t2026-10-25T02:30:00+01:00", // 01:30Z: the doubled hour, again
        "berlin-spring-fixed\t2026-03-27T02:30:00+01:00",
        "berlin-spring-fixed\t2026-03-28T02:30:00+01:00",
        "berlin-spring-fixed\t2026-03-29T03:00:00+02:00", // 02:30 does not exist: the gap's end
        "berlin-spring-fixed\t2026-03-30T02:30:00+02:00",
        "berlin-spring-hourly\t2026-03-29T00:30:00+01:00",
        "berlin-spring-hourly\t2026-03-29T01:30:00+01:00", // 00:30Z
        "berlin-spring-hourly\t2026-03-29T03:30:00+02:00", // 01:30Z: one hour later, 02:30 skipped
        "berlin-spring-hourly\t2026-03-29T04:30:00+02:00",
        "ny-autumn-fixed\t2026-11-01T01:30:00-04:00", // first 01:30 of the doubled hour, once
        "ny-autumn-fixed\t2026-11-02T01:30:00-05:00",
        "ny-autumn-fixed\t2026-11-03T01:30:00-05:00",
        "ny-autumn-fixed\t2026-11-04T01:30:00-05:00",
        "ny-autumn-hourly\t2026-11-01T00:30:00-04:00",
        "ny-autumn-hourly\t2026-11-01T01:30:00-04:00", // 05:30Z
        "ny-autumn-hourly\t2026-11-01T01:30:00-05:00", // 06:30Z: the doubled hour, again
        "ny-autumn-hourly\t2026-11-01T02:30:00-05:00",
        "ny-spring-fixed\t2026-03-06T02:30:00-05:00",
        "ny-spring-fixed\t2026-03-07T02:30:00-05:00",
        "ny-spring-fixed\t2026-03-08T03:00:00-04:00", // 02:30 does not exist: the gap's end
        "ny-spring-fixed\t2026-03-09T02:30:00-04:00",
        "ny-spring-hourly\t2026-03-08T00:30:00-05:00",
        "ny-spring-hourly\t2026-03-08T01:30:00-05:00", // 06:30Z
        "ny-spring-hourly\t2026-03-08T03:30:00-04:00", // 07:30Z: one hour later, 02:30 skipped
        "ny-spring-hourly\t2026-03-08T04:30:00-04:00");
    assertThat(p.stderr()).as(p.transcript()).isEmpty();
  }

  @Test
  void nextForOneDailyScheduleStartsStrictlyAfterFrom() {
    Path config = new Workspace(tmp).config("daily",
        schedule("nightly", "30 2 * * *", "America/New_York"),
        schedule("other", "* * * * *", "UTC"));

    // 2026-03-07T07:30Z is 02:30 EST on the 7th, a fire itself: "after" excludes it.
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), "next", config.toString(),
        "--schedule", "nightly", "--from", "2026-03-07T07:30:00Z", "--count", "3");

    assertThat(p.exitCode()).as(p.transcript()).isZero();
    assertThat(p.stdout()).as(p.transcript()).containsExactly(
        "nightly\t2026-03-08T03:00:00-04:00",
        "nightly\t2026-03-09T02:30:00-04:00",
        "nightly\t2026-03-10T02:30:00-04:00");
  }

  private static String schedule(String name, String cron, String zone) {
    String p = "bugle.schedule." + name + ".";
    return p + "cron=" + cron + "\n" + p + "time-zone=" + zone + "\n" + p + "job=DstJob";
  }
}
