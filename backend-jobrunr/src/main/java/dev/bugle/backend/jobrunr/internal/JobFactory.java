package dev.bugle.backend.jobrunr.internal;

import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.JobParameter;
import org.jobrunr.jobs.states.EnqueuedState;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.utils.JobUtils;

/**
 * Builds the JobRunr {@link Job} for one fire, by names only: its id is the fire's id, its details name the class,
 * the method and each parameter's class, and it starts enqueued (or scheduled, with the {@code delay} option).
 * Throws a {@link ConfigException} naming the key when the schedule cannot be expressed as a JobRunr job.
 */
public final class JobFactory {
  private final InstantSource clock;

  public JobFactory(InstantSource clock) {
    this.clock = clock;
  }

  public Job create(JobRequest request) {
    String base = "bugle.schedule." + request.schedule() + ".";
    if (!request.kwargs().isEmpty()) {
      throw new ConfigException(base + "kwargs", "JobRunr calls a Java method, which takes positional args only;"
          + " move these values into " + base + "args");
    }
    if (request.queue() != null) {
      throw new ConfigException(base + "queue", "JobRunr has no named queues (every worker takes every enqueued"
          + " job); remove this setting");
    }
    JobTarget target = JobTarget.parse(base + "job", request.job());
    JobOptions options = JobOptions.of(request);
    JobDetails details = new JobDetails(target.className(), null, target.methodName(), parameters(request, options));
    Job job = new Job(request.id(), details, state(request, options));
    job.setJobName(options.jobName() != null ? options.jobName() : JobUtils.getReadableNameFromJobDetails(details));
    if (options.retries() != null) {
      job.setAmountOfRetries(options.retries());
    }
    job.setLabels(options.labels());
    return job;
  }

  private static List<JobParameter> parameters(JobRequest request, JobOptions options) {
    String base = "bugle.schedule." + request.schedule() + ".";
    ArgMapper mapper = new ArgMapper(base + "args", base + "option.arg-types");
    List<JobParameter> parameters = new ArrayList<>(request.args().size());
    for (int i = 0; i < request.args().size(); i++) {
      String declared = options.argTypes() == null ? null : options.argTypes().get(i);
      parameters.add(mapper.toParameter(i, declared, request.args().get(i)));
    }
    return parameters;
  }

  private JobState state(JobRequest request, JobOptions options) {
    Instant now = clock.instant();
    if (options.delay().isZero()) {
      return new EnqueuedState(now);
    }
    return new ScheduledState(request.scheduledAt().plus(options.delay()),
        "Scheduled by Bugle schedule '" + request.schedule() + "' (delay " + options.delay() + ")", now);
  }
}
