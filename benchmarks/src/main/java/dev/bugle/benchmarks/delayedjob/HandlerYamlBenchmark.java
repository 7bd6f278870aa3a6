package dev.bugle.benchmarks.delayedjob;

import dev.bugle.backend.delayedjob.HandlerKind;
import dev.bugle.backend.delayedjob.internal.HandlerYaml;
import dev.bugle.core.JobRequest;
import dev.bugle.support.JobJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU cost of writing a delayed_job handler (snakeyaml-engine node tree, Psych-safe quoting) next to the
 * JSON of the same job with Jackson. Run: {@code java -jar benchmarks/target/benchmarks.jar HandlerYaml -f 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandlerYamlBenchmark {
  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final JobRequest job;

  public HandlerYamlBenchmark() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("text", "Grüße, 世界");
    nested.put("list", Arrays.asList(1, 2.5, null, "yes"));
    job = JobRequest.of("bench", "rates", now, "CurrencyRatesJob", null,
        new ArrayList<>(Arrays.asList("USD", 2, "2024-01-01", nested)), Map.of("source", "ecb"), Map.of());
  }

  @Benchmark
  public String activeJobHandlerYaml() {
    return HandlerYaml.of(job, HandlerKind.ACTIVE_JOB, "default", 0, now);
  }

  @Benchmark
  public String envelopeJsonJackson() {
    return JobJson.write(JobJson.envelope(job));
  }
}
