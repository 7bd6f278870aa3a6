package dev.bugle.backend.delayedjob.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.backend.delayedjob.HandlerKind;
import dev.bugle.core.JobRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The four handler shapes, as the real worker ran them (the DelayedJobWorker ITs run these very shapes). */
class HandlerYamlTest {
  private static final UUID ID = UUID.fromString("3f1e2d4c-0000-4000-8000-000000000001");
  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00.750Z");

  private static JobRequest job(String name, List<Object> args, Map<String, Object> kwargs) {
    return new JobRequest(ID, "shop", "s", NOW, name, null, args, kwargs, Map.of());
  }

  private static Map<String, Object> kwargs(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void activeJobWrapsTheJobHashWithTheFireIdAsJobIdAndKwargsAsKeywords() {
    String yaml = HandlerYaml.of(job("HelloJob", List.of("World"), kwargs("greeting", "yes")),
        HandlerKind.ACTIVE_JOB, "default", 0, NOW);
    assertThat(yaml).isEqualTo("""
        --- !ruby/object:ActiveJob::QueueAdapters::DelayedJobAdapter::JobWrapper
        job_data:
          job_class: HelloJob
          job_id: "3f1e2d4c-0000-4000-8000-000000000001"
          provider_job_id: null
          queue_name: default
          priority: 0
          arguments:
          - World
          - greeting: "yes"
            _aj_ruby2_keywords:
            - greeting
          executions: 0
          exception_executions: {}
          locale: en
          timezone: UTC
          enqueued_at: "2024-01-01T00:00:00Z"
        """);
  }

  @Test
  void structMapsKwargsToNamedFieldsAndCarriesTheFireId() {
    assertThat(HandlerYaml.of(job("NewsletterJob", List.of(), kwargs("text", "yes", "emails", List.of("a@b.example"))),
        HandlerKind.STRUCT, null, 0, NOW)).isEqualTo("""
        --- !ruby/struct:NewsletterJob
        text: "yes"
        emails:
        - "a@b.example"
        bugle_fire_id: "3f1e2d4c-0000-4000-8000-000000000001"
        """);
  }

  @Test
  void objectMapsKwargsToInstanceVariables() {
    assertThat(HandlerYaml.of(job("Jobs::Cleanup", List.of(), kwargs("days", 30)), HandlerKind.OBJECT, null, 0, NOW))
        .isEqualTo("""
        --- !ruby/object:Jobs::Cleanup
        days: 30
        bugle_fire_id: "3f1e2d4c-0000-4000-8000-000000000001"
        """);
  }

  @Test
  void methodCallsAClassMethodThroughPerformableMethod() {
    assertThat(HandlerYaml.of(job("Mailer.deliver", List.of(1, "2"), Map.of()), HandlerKind.METHOD, null, 0, NOW))
        .isEqualTo("""
        --- !ruby/object:Delayed::PerformableMethod
        object: !ruby/class 'Mailer'
        method_name: :deliver
        args:
        - 1
        - "2"
        bugle_fire_id: "3f1e2d4c-0000-4000-8000-000000000001"
        """);
  }

  @Test
  void jobsThatCannotBeWrittenNameTheFieldAndAnExample() {
    assertThatThrownBy(() -> HandlerYaml.of(job("hello_job", List.of(), Map.of()), HandlerKind.ACTIVE_JOB, "q", 0, NOW))
        .isInstanceOf(InvalidJob.class).hasMessageContaining("Ruby class")
        .satisfies(e -> assertThat(((InvalidJob) e).field()).isEqualTo("job"));
    assertThatThrownBy(() -> HandlerYaml.of(job("Mailer", List.of(), Map.of()), HandlerKind.METHOD, null, 0, NOW))
        .hasMessageContaining("Class.method");
    assertThatThrownBy(() -> HandlerYaml.of(job("Mailer.deliver", List.of(), kwargs("a", 1)), HandlerKind.METHOD,
        null, 0, NOW)).satisfies(e -> assertThat(((InvalidJob) e).field()).isEqualTo("kwargs"));
    assertThatThrownBy(() -> HandlerYaml.of(job("S", List.of(1), Map.of()), HandlerKind.STRUCT, null, 0, NOW))
        .satisfies(e -> assertThat(((InvalidJob) e).field()).isEqualTo("args"));
    assertThatThrownBy(() -> HandlerYaml.of(job("S", List.of(), kwargs("not valid", 1)), HandlerKind.OBJECT, null, 0,
        NOW)).hasMessageContaining("instance variable");
    assertThatThrownBy(() -> HandlerYaml.of(job("S", List.of(), kwargs("bugle_fire_id", 1)), HandlerKind.STRUCT,
        null, 0, NOW)).hasMessageContaining("struct member");
    assertThatThrownBy(() -> HandlerYaml.of(job("J", List.of(Map.of("x", Map.of("_aj_globalid", "gid://a/B/1"))),
        Map.of()), HandlerKind.ACTIVE_JOB, "q", 0, NOW)).hasMessageContaining("reserved by ActiveJob");
  }
}
