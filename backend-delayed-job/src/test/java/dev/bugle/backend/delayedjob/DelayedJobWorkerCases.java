package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.support.JobJson;
import dev.bugle.testkit.ExternalProcess;
import dev.bugle.testkit.FirePlaceholders;
import dev.bugle.testkit.TestSettings;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real delayed_job worker (Debian's ruby-delayed-job-active-record with ruby-pg or ruby-mysql2 and
 * ruby-activejob, driven by examples/delayed-job/worker.rb) runs jobs of every handler kind that Bugle inserted,
 * and each job writes what it received, with Ruby types visible, to a file the test compares against what was
 * sent. One subclass per database.
 */
abstract class DelayedJobWorkerCases {
  private static final String RUBY = "/usr/bin/ruby";
  private static final String SERVICES = "scripts/services delayed-job";
  private final TestDatabase db;
  private final String table = TestDatabase.unique("dj_worker");
  private final String guard = table + "_fires";
  @TempDir
  Path tmp;

  DelayedJobWorkerCases(TestDatabase db) {
    this.db = db;
  }

  @AfterEach
  void drop() {
    db.drop(table, guard);
  }

  /** Strings YAML could read as something else, text Psych must keep byte for byte, and nesting. */
  static List<Object> trickyArgs() {
    List<Object> args = new ArrayList<>(Arrays.asList("yes", "No", "ON", "off", "true", "False", "y", "n", "~",
        "null", "NULL", "", " padded ", "123", "-1.5", "1,000", "0x1F", "0o17", "017", "0b101", "1e3", "1.0E10",
        ".inf", "-.Inf", ".NaN", "1:30", "190:20:30", "2024-01-01", "2024-01-01T10:00:00Z",
        "2024-01-01 10:00:00 +01:00", ":sym", ":\"quoted\"", "!ruby/object:Kernel", "&anchor", "*alias", "#hash",
        "@at", "`tick", "%pct", "- dash", "? q", "key: value", "[a, b]", "{c: d}", "|", ">", "'single'",
        "\"double\"", "tab\there", "two\nlines", "trailing\n", "back\\slash", "Grüße, 世界", "emoji 🎉", "ctrl\u0001",
        "nul\u0000byte", "ls\u2028ps\u2029", "<<", "=", "Jobs::Hello"));
    args.addAll(Arrays.asList(0, -7, 42, 2147483648L, new BigInteger("1180591620717411303424"), 2.5, -0.1, 1.0E10,
        1.0E-7, 100.0, true, false, null));
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("1", "one");
    nested.put("yes", "no");
    nested.put(":key", ":value");
    nested.put("null", null);
    nested.put("2024-01-01", List.of());
    nested.put("deep", Map.of("list", Arrays.asList(List.of(), Map.of(), Arrays.asList(1, Arrays.asList("2", null)))));
    args.add(nested);
    args.add(Arrays.asList("x", Arrays.asList("y", Arrays.asList("z"))));
    return args;
  }

  @Test
  void realWorkerRunsEveryHandlerKindWithArgsIntactAndTheGuardStopsResends() throws Exception {
    db.createJobTable(table);
    db.createGuardTable(guard);
    Instant at = Instant.now();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("flag", "yes");
    kwargs.put("when", "2024-01-01");
    kwargs.put("count", 3);
    kwargs.put("nested", Map.of("k", Arrays.asList("v", null)));
    kwargs.put("at", "{{scheduled_at}}"); // the fire's time and id, replaced by Schedule.requestAt
    kwargs.put("epoch", "{{scheduled_at_epoch}}");
    kwargs.put("fire", "fire {{fire_id}}");
    Map<String, Object> received = new LinkedHashMap<>(kwargs);
    received.put("at", at.toString());
    received.put("epoch", at.getEpochSecond());
    received.put("fire", "fire " + JobRequest.idFor(TestSettings.NAMESPACE, "aj", at));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("label", "no");
    fields.put("payload", trickyArgs());
    fields.put("extra", Map.of("~", "~"));

    JobRequest activeJob = FirePlaceholders.fire("aj", "RecordJob", null, trickyArgs(), kwargs, Map.of(), at);
    JobRequest struct = job("struct", at, "RecordStruct", List.of(), fields, Map.of("handler", "struct"));
    JobRequest object = job("object", at, "RecordObject", List.of(), fields, Map.of("handler", "object"));
    JobRequest method = job("method", at, "RecordMethod.call", trickyArgs(), Map.of(), Map.of());
    List<JobRequest> all = List.of(activeJob, struct, object, method);

    try (Enqueuer byOption = enqueuer("active-job"); Enqueuer methods = enqueuer("method")) {
      byOption.enqueueAll(List.of(activeJob, struct));
      byOption.enqueue(object);
      methods.enqueue(method);

      Path out = tmp.resolve("effects.jsonl");
      runWorkerOnce(out);

      Map<String, JsonNode> effects = new LinkedHashMap<>();
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        JsonNode n = JobJson.mapper().readTree(line);
        effects.put(n.get("kind").asText(), n);
      }
      assertThat(effects).containsOnlyKeys("active-job", "struct", "object", "method");
      assertEffect(effects.get("active-job"), activeJob.id().toString(), trickyArgs(), received);
      Map<String, Object> structFields = new LinkedHashMap<>(fields);
      assertEffect(effects.get("struct"), struct.id().toString(), List.of(), structFields);
      assertEffect(effects.get("object"), object.id().toString(), List.of(), fields);
      assertEffect(effects.get("method"), null, trickyArgs(), Map.of());
      assertThat(db.count("SELECT count(*) FROM " + table)).as("rows left after work_off").isZero();

      // A new leader re-sends the same fires after the worker ran and deleted their rows: nothing is inserted.
      byOption.enqueueAll(List.of(activeJob, struct, object));
      methods.enqueue(method);
      assertThat(db.count("SELECT count(*) FROM " + table)).as("rows after re-sending").isZero();
      assertThat(db.count("SELECT count(*) FROM " + guard)).isEqualTo(all.size());
    }
  }

  private Enqueuer enqueuer(String handler) {
    return new DelayedJobEnqueuerProvider().create(TestSettings.enqueuer("jdbc-url", db.url,
        "username", db.user, "table", table, "handler", handler, "deduplicate", "true",
        "guard-table", guard));
  }

  private static JobRequest job(String schedule, Instant at, String job, List<Object> args,
      Map<String, Object> kwargs, Map<String, String> options) {
    return JobRequest.of(TestSettings.NAMESPACE, schedule, at, job, null, args, kwargs, options);
  }

  private static void assertEffect(JsonNode effect, String jobId, List<Object> args, Map<String, Object> kwargs) {
    String kind = effect.get("kind").asText();
    assertThat(effect.get("job_id").isNull() ? null : effect.get("job_id").asText()).as(kind + " job id")
        .isEqualTo(jobId);
    // As JSON text reads back, like the worker's output: an epoch in seconds is an int node, not a long one.
    assertThat(effect.get("args")).as(kind + " args").isEqualTo(FirePlaceholders.json(args));
    assertThat(effect.get("kwargs")).as(kind + " kwargs").isEqualTo(FirePlaceholders.json(kwargs));
  }

  private void runWorkerOnce(Path out) throws InterruptedException {
    if (!Files.isExecutable(Path.of(RUBY))) {
      fail(RUBY + " is missing: install the delayed_job worker with " + SERVICES);
    }
    ProcessBuilder pb = new ProcessBuilder(RUBY, Examples.path("worker.rb").toString(), "--once");
    pb.environment().put("DATABASE_URL", db.rubyUrl);
    pb.environment().put("DJ_TABLE", table);
    pb.environment().put("BUGLE_OUT", out.toString());
    try (ExternalProcess worker = ExternalProcess.start("the delayed_job worker", pb, tmp.resolve("worker.log"),
        Duration.ZERO, "install it with " + SERVICES)) {
      int exit = worker.awaitExit(Duration.ofSeconds(90));
      if (exit != 0 || !Files.exists(out)) {
        fail("the delayed_job worker exited with " + exit + " (a missing gem? run " + SERVICES
            + "); its output:\n" + worker.logText() + "\nlast_error of the rows left: "
            + db.query("SELECT handler, last_error FROM " + table));
      }
    }
  }
}
