package dev.bugle.backend.jobrunr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import dev.bugle.support.JobJson;
import dev.bugle.testkit.SettableClock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobParameter;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.junit.jupiter.api.Test;

/** Building JobRunr jobs from names and JSON only: no job class here is on any classpath. */
class JobFactoryTest {
  private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
  private static final String TYPES = "bugle.schedule.digest.option.arg-types";
  private static final String ARGS = "bugle.schedule.digest.args";
  private final SettableClock clock = SettableClock.at("2026-01-05T09:00:00.250Z");
  private final JobFactory factory = new JobFactory(clock);
  private final JobMapper mapper = new JobMapper(new JacksonJsonMapper(false));

  private static JobRequest request(String job, List<Object> args, Map<String, String> options) {
    return JobRequest.of("shop", "digest", AT, job, null, args, Map.of(), options);
  }

  private Job build(List<Object> args, Map<String, String> options) {
    return factory.create(request("com.acme.DigestJobs#send", args, options));
  }

  private static List<String> types(Job job) {
    return job.getJobDetails().getJobParameters().stream()
        .map(p -> p.getClassName() + "|" + p.getActualClassName() + "|" + classOf(p.getObject())).toList();
  }

  private static String classOf(Object o) {
    return o == null ? "null" : o.getClass().getSimpleName();
  }

  @Test
  void theJobIsTheFireByClassAndMethodName() {
    JobRequest r = request("com.acme.DigestJobs#send", List.of("EUR", 7), Map.of());
    Job job = factory.create(r);
    assertThat(job.getId()).isEqualTo(r.id());
    assertThat(job.getJobDetails().getClassName()).isEqualTo("com.acme.DigestJobs");
    assertThat(job.getJobDetails().getMethodName()).isEqualTo("send");
    assertThat(job.getJobDetails().getStaticFieldName()).isNull();
    assertThat(job.getState()).isEqualTo(StateName.ENQUEUED);
    assertThat(job.getCreatedAt()).isEqualTo(clock.instant());
    assertThat(job.getJobName()).isEqualTo("com.acme.DigestJobs.send(EUR,7)");
    assertThat(factory.create(request("com.acme.Cleanup", List.of(), Map.of())).getJobDetails().getMethodName())
        .isEqualTo("run");
  }

  @Test
  void undeclaredArgsAreTypedByTheirJsonValue() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("list", Arrays.asList(1, null, "x"));
    Job job = build(Arrays.asList("s", 1, 3_000_000_000L, 2.5, true, Arrays.asList(1, "a"), map), Map.of());
    assertThat(types(job)).containsExactly(
        "java.lang.String|java.lang.String|String", "java.lang.Integer|java.lang.Integer|Integer",
        "java.lang.Long|java.lang.Long|Long", "java.lang.Double|java.lang.Double|Double",
        "java.lang.Boolean|java.lang.Boolean|Boolean", "java.util.ArrayList|java.util.ArrayList|ArrayList",
        "java.util.LinkedHashMap|java.util.LinkedHashMap|LinkedHashMap");
    Map<?, ?> copied = (Map<?, ?>) job.getJobDetails().getJobParameters().get(6).getObject();
    assertThat(copied.get("list")).isInstanceOf(java.util.ArrayList.class); // not Arrays$ArrayList
  }

  @Test
  void declaredTypesConvertAndCheckTheValue() {
    UUID id = UUID.randomUUID();
    Job job = build(Arrays.asList("s", 5, 5, id.toString(), "2026-01-01T00:00:00Z", false, 9, null, null),
        Map.of("arg-types", "String, long, double, UUID, Instant, boolean, Integer, java.lang.String, JobContext"));
    assertThat(types(job)).containsExactly(
        "java.lang.String|java.lang.String|String", "java.lang.Long|java.lang.Long|Long",
        "java.lang.Double|java.lang.Double|Double", "java.util.UUID|java.util.UUID|UUID",
        "java.time.Instant|java.time.Instant|Instant", "java.lang.Boolean|java.lang.Boolean|Boolean",
        "java.lang.Integer|java.lang.Integer|Integer", "java.lang.String|java.lang.String|null",
        "org.jobrunr.jobs.context.JobContext|org.jobrunr.jobs.context.JobContext|null");
    assertThat(job.getJobDetails().getJobParameters().get(3).getObject()).isEqualTo(id);
  }

  @Test
  void aCustomTypeKeepsItsJsonAsWritten() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("title", "Grüße");
    report.put("tags", List.of("java.util.ArrayList", List.of("a")));
    report.put("size", 3_000_000_000L);
    Job job = build(Arrays.asList(report, "RED"), Map.of("arg-types", "com.acme.Report,com.acme.Color"));
    assertThat(types(job)).containsExactly("com.acme.Report|com.acme.Report|ObjectNode",
        "com.acme.Color|com.acme.Color|TextNode");
    String json = mapper.serializeJob(job);
    assertThat(json).contains("\"object\":" + JobJson.write(report)).contains("\"object\":\"RED\"");
  }

  @Test
  void jobRunrReadsTheJavaTypesBack() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("big", 3_000_000_000L);
    map.put("nested", Map.of("list", List.of(1, 2.5)));
    Job job = build(Arrays.asList(7, "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "2026-01-01T00:00:00Z", map, null),
        Map.of("arg-types", "long,UUID,Instant,Map,String"));
    Job back = mapper.deserializeJob(mapper.serializeJob(job));
    List<JobParameter> params = back.getJobDetails().getJobParameters();
    assertThat(params.get(0).getObject()).isEqualTo(7L);
    assertThat(params.get(1).getObject()).isEqualTo(UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
    assertThat(params.get(2).getObject()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(params.get(3).getObject()).isEqualTo(map);
    assertThat(((Map<?, ?>) params.get(3).getObject()).get("big")).isInstanceOf(Long.class);
    assertThat(params.get(4).getObject()).isNull();
    assertThat(back.getId()).isEqualTo(job.getId());
  }

  @Test
  void valuesThatDoNotFitTheirDeclaredTypeNameTheArgsKey() {
    assertRefused(List.of("abc"), "long", ARGS, "args[0] is \"abc\", which is not a java.lang.Long");
    assertRefused(List.of(3_000_000_000L), "int", ARGS, "java.lang.Integer");
    assertRefused(List.of(2.5), "long", ARGS, "java.lang.Long");
    assertRefused(List.of("1-2-3-4-5"), "UUID", ARGS, "java.util.UUID");
    assertRefused(List.of("yesterday"), "Instant", ARGS, "ISO-8601");
    assertRefused(List.of("x"), "Map", ARGS, "java.util.LinkedHashMap");
    assertRefused(List.of(1), "String", ARGS, "java.lang.String");
  }

  @Test
  void badDeclarationsNameTheOptionKey() {
    assertRefused(List.of("a", "b"), "String", TYPES, "declares 1 type(s) but the schedule has 2 arg(s)");
    assertRefused(List.of("a"), "String[]", TYPES, "'String[]' is not a class name");
    assertThatThrownBy(() -> build(Arrays.asList("a", null), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining(ARGS).hasMessageContaining(TYPES);
  }

  @Test
  void whatJobRunrCannotExpressIsRefusedWithItsKey() {
    assertThatThrownBy(() -> factory.create(request("not a class#x", List.of(), Map.of())))
        .hasMessageContaining("bugle.schedule.digest.job").hasMessageContaining("#");
    assertThatThrownBy(() -> factory.create(request("com.acme.Jobs#", List.of(), Map.of())))
        .hasMessageContaining("bugle.schedule.digest.job");
    assertThatThrownBy(() -> factory.create(JobRequest.of("shop", "digest", AT, "com.acme.Jobs#run", null,
        List.of(), Map.of("flag", true), Map.of()))).hasMessageContaining("bugle.schedule.digest.kwargs");
    assertThatThrownBy(() -> factory.create(JobRequest.of("shop", "digest", AT, "com.acme.Jobs#run", "critical",
        List.of(), Map.of(), Map.of()))).hasMessageContaining("bugle.schedule.digest.queue");
  }

  @Test
  void delayMakesAScheduledJobDueAfterTheFire() {
    Job job = build(List.of(), Map.of("delay", "15m"));
    assertThat(job.getState()).isEqualTo(StateName.SCHEDULED);
    assertThat(((ScheduledState) job.getJobState()).getScheduledAt()).isEqualTo(AT.plusSeconds(900));
    assertThat(job.getCreatedAt()).isEqualTo(clock.instant());
    assertThat(build(List.of(), Map.of("delay", "0")).getState()).isEqualTo(StateName.ENQUEUED);
  }

  @Test
  void retriesLabelsAndNameAreOptions() {
    Job job = build(List.of(), Map.of("retries", "2", "labels", "billing, weekly", "job-name", "Weekly digest"));
    assertThat(job.getAmountOfRetries()).isEqualTo(2);
    assertThat(job.getLabels()).containsExactly("billing", "weekly");
    assertThat(job.getJobName()).isEqualTo("Weekly digest");
    assertThatThrownBy(() -> build(List.of(), Map.of("labels", "a,b,c,d")))
        .hasMessageContaining("bugle.schedule.digest.option.labels");
    assertThatThrownBy(() -> build(List.of(), Map.of("retries", "-1")))
        .hasMessageContaining("bugle.schedule.digest.option.retries");
    assertThatThrownBy(() -> build(List.of(), Map.of("delay", "soon")))
        .hasMessageContaining("bugle.schedule.digest.option.delay");
  }

  private void assertRefused(List<Object> args, String types, String key, String text) {
    assertThatThrownBy(() -> build(args, Map.of("arg-types", types)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key)
        .hasMessageContaining(text);
  }
}
