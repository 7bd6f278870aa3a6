package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.ExternalProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A real worker that takes jobs one at a time, in order (Sidekiq with one thread, node-resque), with the effect
 * file it writes, and the checks the interop tests make through it.
 */
record InOrderWorker(ExternalProcess process, EffectFile effects, Duration timeout) {

  /** A job with every kind of JSON arg runs with its name and args intact; returns its run for more checks. */
  JsonNode runsWithItsArgs(Supplier<Enqueuer> enqueuer, String jobName, Map<String, Object> kwargs)
      throws Exception {
    String marker = InteropJobs.marker();
    JobRequest job = InteropJobs.job(marker, jobName, null, InteropJobs.args(marker), kwargs);
    try (Enqueuer e = enqueuer.get()) {
      e.enqueue(job);
    }
    JsonNode run = effects.awaitRun(marker, timeout, process);
    assertThat(run.get("job").asText()).isEqualTo(jobName);
    assertThat(run.get("args")).isEqualTo(InteropJobs.tree(job.args()));
    return run;
  }

  /** The same fire sent by two enqueuers (a new leader re-sending it), and again inside a batch, runs once. */
  void runsTheSameFireOnce(Supplier<Enqueuer> enqueuer) throws Exception {
    String marker = InteropJobs.marker();
    JobRequest job = InteropJobs.job(marker, "CurrencyRatesJob", null, List.of(marker, 1), Map.of());
    String after = InteropJobs.marker();
    JobRequest sentinel = InteropJobs.job(after, "CurrencyRatesJob", null, List.of(after, 2), Map.of());
    try (Enqueuer first = enqueuer.get(); Enqueuer second = enqueuer.get()) {
      first.enqueue(job);
      second.enqueue(job);
      second.enqueueAll(List.of(job, sentinel));
    }
    // The worker takes jobs in order, so once the later job ran, every copy of the first has run too.
    effects.awaitRun(after, timeout, process);
    assertThat(effects.runsOf(marker)).hasSize(1);
  }
}
