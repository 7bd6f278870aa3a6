package dev.bugle.cli;

import static dev.bugle.cli.BugleProcess.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exit code 2 for bad configuration and usage, from {@code bugle run} as a process: one message naming the full
 * key with a valid example, reported before anything starts (no lock file, nothing on standard output).
 */
class ConfigErrorsIT {
  private static final String UNSET_VARIABLE = "BUGLE_IT_UNSET_VARIABLE";

  @TempDir
  Path tmp;

  static Stream<Arguments> mistakes() {
    return Stream.of(
        mistake("unknown schedule key", "bugle.schedule.tick.tme-zone=Europe/Berlin",
            "bugle.schedule.tick.tme-zone", "unknown key (did you mean 'time-zone'?)"),
        mistake("unknown core key", "bugle.lock.wiat=30s",
            "bugle.lock.wiat", "unknown key (did you mean 'bugle.lock.wait'?)"),
        mistake("unknown lock key", "bugle.lock.local.x.password=hunter2",
            "bugle.lock.local.x.password", "unknown key; this provider reads [dir]"),
        mistake("bad cron", "bugle.schedule.nightly.cron=0 25 * * *\nbugle.schedule.nightly.job=NightlyJob",
            "bugle.schedule.nightly.cron", "unrecognized cron '0 25 * * *'",
            "Parsable examples: '0 * * * *' (hourly), '30 2 * * MON-FRI'"),
        mistake("bad duration", "bugle.schedule.tick.misfire-window=ten minutes",
            "bugle.schedule.tick.misfire-window", "invalid value 'ten minutes'; expected a duration (500ms, 15s",
            "for example: bugle.schedule.tick.misfire-window=1h"),
        mistake("bad lock wait", "bugle.lock.wait=soon",
            "bugle.lock.wait", "invalid value 'soon'", "for example: bugle.lock.wait=30s"),
        mistake("unknown enqueuer type", "bugle.enqueuer.out2.type=sidekik\nbugle.schedule.tick.enqueuer=main",
            "bugle.enqueuer.out2.type", "unknown enqueuer type 'sidekik' (did you mean 'sidekiq'?); types on the"
            + " class path: [", "log", "for example: bugle.enqueuer.out2.type=sidekiq"),
        mistake("args not JSON", "bugle.schedule.tick.args=[USD, 2]",
            "bugle.schedule.tick.args", "not valid JSON", "for example: bugle.schedule.tick.args=[\"USD\", 2]"),
        mistake("window longer than the dedupe memory",
            "bugle.enqueuer.redis.type=sidekiq\nbugle.enqueuer.redis.dedupe-ttl=1h\n"
                + "bugle.schedule.tick.enqueuer=redis\nbugle.schedule.tick.misfire-window=2h",
            "bugle.schedule.tick.misfire-window", "is 2h, but enqueuer 'redis' remembers a fire's id for 1h "
            + "(bugle.enqueuer.redis.dedupe-ttl)", "bugle.enqueuer.redis.dedupe-ttl=4h"),
        mistake("missing environment variable", "bugle.schedule.tick.queue=${" + UNSET_VARIABLE + "}",
            "bugle.schedule.tick.queue", "environment variable " + UNSET_VARIABLE + " is not set",
            "${" + UNSET_VARIABLE + ":-value}"),
        mistake("almost a bugle key", "Bugle.lock=consul", "Bugle.lock",
            "is not read: Bugle reads only keys that start with 'bugle.' (did you mean 'bugle.lock'?)",
            "for example: bugle.lock=consul"),
        mistake("almost a bugle key, with an underscore", "bugle_lock=consul", "bugle_lock", "did you mean 'bugle.lock'?"),
        mistake("a key twice", "bugle.schedule.tick.job=OtherJob", "bugle.schedule.tick.job",
            "is set twice in ", "bad.properties, on line 6 and on line 7",
            "for example: bugle.schedule.tick.job=OtherJob"),
        mistake("unterminated variable", "bugle.schedule.tick.queue=mail-${QUEUE", "bugle.schedule.tick.queue",
            "'${QUEUE' is not closed", "for example: bugle.schedule.tick.queue=${QUEUE} or ${QUEUE:-value}"),
        mistake("number out of range", "bugle.schedule.tick.args=[1e999999]", "bugle.schedule.tick.args",
            "holds a number out of range (it would be sent as Infinity)", "for example: bugle.schedule.tick.args=["),
        mistake("number out of range in kwargs", "bugle.schedule.tick.kwargs={\"n\": -1e999999}",
            "bugle.schedule.tick.kwargs", "holds a number out of range (it would be sent as -Infinity)"),
        mistake("control character", "bugle.schedule.tick.queue=mail\\u0000ers", "bugle.schedule.tick.queue",
            "holds the control character \\u0000 at position 5", "for example: bugle.schedule.tick.queue=mailers"),
        mistake("jitter that overflows", "bugle.schedule.tick.jitter=110000d", "bugle.schedule.tick.jitter",
            "invalid value '110000d'", "at most 366d", "for example: bugle.schedule.tick.jitter=30s"),
        mistake("lock wait that overflows", "bugle.lock.wait=9999999999999999999d", "bugle.lock.wait",
            "at most 366d"),
        mistake("misfire window 0", "bugle.schedule.tick.misfire-window=0", "bugle.schedule.tick.misfire-window",
            "is 0, but must be at least 1s", "set misfire=skip instead",
            "for example: bugle.schedule.tick.misfire-window=1h"),
        mistake("value too large", "bugle.schedule.tick.args=[" + "1,".repeat(40_000) + "1]",
            "bugle.schedule.tick.args", "is 80003 characters long; the limit is 65536 per value"));
  }

  private static Arguments mistake(String name, String line, String key, String... fragments) {
    return Arguments.of(name, line, key, List.of(fragments));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void aConfigurationMistakeExitsTwoNamingItsKey(String name, String line, String key, List<String> fragments) {
    Workspace ws = new Workspace(tmp);
    Path config = ws.config("bad",
        "bugle.enqueuer.main.type=log",
        "bugle.schedule.tick.every=1s",
        "bugle.schedule.tick.job=TickJob",
        line);
    Map<String, String> env = new HashMap<>();
    env.put(UNSET_VARIABLE, null);
    BugleProcess p = BugleProcess.runToEnd(tmp, env, "run", config.toString());

    assertThat(p.exitCode()).as(p.transcript()).isEqualTo(2);
    String err = String.join("\n", p.stderr());
    assertThat(err).as(p.transcript()).startsWith("bugle: configuration error: " + key + ": ");
    fragments.forEach(f -> assertThat(err).as(p.transcript()).contains(f));
    assertThat(err).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(err).as("secrets are not echoed").doesNotContain("hunter2");
    assertThat(p.stdout()).as("nothing enqueued").isEmpty();
    assertThat(Files.exists(ws.lockDir())).as("nothing started: the lock was never taken").isFalse();
  }

  @Test
  void anOverrideIsCheckedLikeTheFile() {
    Workspace ws = new Workspace(tmp);
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), "run", ws.tickingConfig().toString(),
        "--set", "bugle.schedule.tick.jiter=5s");

    assertThat(p.exitCode()).as(p.transcript()).isEqualTo(2);
    assertThat(p.stderr()).as(p.transcript()).containsExactly("bugle: configuration error: bugle.schedule.tick.jiter:"
        + " unknown key (did you mean 'jitter'?); schedule keys are [args, at, catch-up-limit, cron, enqueuer, every,"
        + " jitter, job, kwargs, misfire, misfire-window, queue, start-at, time-zone] and option.*");
    assertThat(p.stdout()).isEmpty();
  }

  @Test
  void everyMistakeIsReportedAtOnce() {
    Workspace ws = new Workspace(tmp);
    Path config = ws.config("bad",
        "bugle.lock.wait=soon",
        "bugle.schedule.tick.every=1s",
        "bugle.schedule.tick.job=TickJob",
        "bugle.schedule.tick.args=[USD]",
        "bugle.schedule.nightly.cron=0 25 * * *",
        "bugle.schedule.nightly.job=NightlyJob");
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), "run", config.toString());

    assertThat(p.exitCode()).as(p.transcript()).isEqualTo(2);
    String err = String.join("\n", p.stderr());
    assertThat(err).as(p.transcript()).startsWith("bugle: configuration error: 3 configuration errors:")
        .contains("\n  - bugle.lock.wait: ", "\n  - bugle.schedule.tick.args: ", "\n  - bugle.schedule.nightly.cron: ");
    assertThat(p.stdout()).isEmpty();
  }

  @Test
  void anUnknownTypeIsReportedWithTheOtherMistakes() {
    Workspace ws = new Workspace(tmp);
    Path config = ws.config("bad",
        "bugle.enqueuer.main.type=log",
        "bugle.enqueuer.out2.type=sidekik",
        "bugle.schedule.tick.every=1s",
        "bugle.schedule.tick.job=TickJob",
        "bugle.schedule.tick.enqueuer=main",
        "bugle.schedule.tick.misfire=sometimes");
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), "check", config.toString());

    assertThat(p.exitCode()).as(p.transcript()).isEqualTo(2);
    String err = String.join("\n", p.stderr());
    assertThat(err).as(p.transcript()).startsWith("bugle: configuration error: 2 configuration errors:")
        .contains("\n  - bugle.schedule.tick.misfire: invalid value 'sometimes'")
        .contains("\n  - bugle.enqueuer.out2.type: unknown enqueuer type 'sidekik' (did you mean 'sidekiq'?)")
        .doesNotContain("Exception");
    assertThat(p.stdout()).isEmpty();
  }

  static Stream<Arguments> usageMistakes() {
    return Stream.of(
        Arguments.of(List.of("run"), "Missing required parameter: 'CONFIG'"),
        Arguments.of(List.of("next", "x.properties", "--count", "many"), "Invalid value for option '--count'"),
        Arguments.of(List.of("start", "x.properties"), "Unmatched arguments from index 0: 'start'"),
        Arguments.of(List.of("run", "missing.properties"), "cannot read the configuration file missing.properties"));
  }

  @ParameterizedTest(name = "bugle {0}")
  @MethodSource("usageMistakes")
  void aUsageMistakeExitsTwo(List<String> args, String message) {
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of(), args.toArray(String[]::new));

    assertThat(p.exitCode()).as(p.transcript()).isEqualTo(2);
    assertThat(String.join("\n", p.stderr())).as(p.transcript()).contains(message);
    assertThat(p.stdout()).as(p.transcript()).isEmpty();
  }
}
