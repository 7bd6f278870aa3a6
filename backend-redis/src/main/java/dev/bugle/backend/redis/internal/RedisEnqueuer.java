package dev.bugle.backend.redis.internal;

import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link Enqueuer} of every Redis format: the format builds each job's writes, and the push script sends
 * them, deduplicated and atomic, in one pipeline.
 */
public final class RedisEnqueuer implements Enqueuer {
  private static final Logger LOG = LoggerFactory.getLogger(RedisEnqueuer.class);

  private final String name;
  private final PayloadFormat format;
  private final Dedupe dedupe;
  private final RedisConnection connection;
  private final ScriptPipeline pipeline;

  public RedisEnqueuer(String name, PayloadFormat format, ConnectionSettings connection, Dedupe dedupe,
      PushScript script, boolean assumeScriptLoaded) {
    this.name = name;
    this.format = format;
    this.dedupe = dedupe;
    this.connection = new RedisConnection(connection);
    this.pipeline = new ScriptPipeline(this.connection, script, dedupe, assumeScriptLoaded);
  }

  /** Reads the connection and dedupe settings (the format has read its own); does not connect. */
  public static RedisEnqueuer create(Settings settings, PayloadFormat format) {
    return new RedisEnqueuer(settings.prefix(), format, ConnectionSettings.read(settings), Dedupe.read(settings),
        PushScript.standard(), false);
  }

  @Override
  public void enqueue(JobRequest job) throws EnqueueException {
    enqueueAll(List.of(job));
  }

  @Override
  public void enqueueAll(List<JobRequest> jobs) throws EnqueueException {
    if (jobs.isEmpty()) {
      return;
    }
    List<RedisWrite> writes = new ArrayList<>(jobs.size());
    List<ConfigException> refused = new ArrayList<>();
    for (JobRequest job : jobs) {
      try {
        writes.add(format.write(job));
      } catch (ConfigException e) {
        refused.add(e); // the rest of the batch still goes out; this one is reported below
      }
    }
    if (!writes.isEmpty()) {
      List<Boolean> pushed = pipeline.push(writes);
      if (LOG.isDebugEnabled()) {
        for (int i = 0; i < writes.size(); i++) {
          JobRequest job = writes.get(i).job();
          LOG.debug("{}: {} {} at {} (id {})", name, pushed.get(i) ? "enqueued" : "skipped duplicate of",
              job.schedule(), job.scheduledAt(), job.id());
        }
      }
    }
    if (!refused.isEmpty()) {
      throw new EnqueueException(refused.size() + " job(s) cannot be written: " + refused.get(0).getMessage(),
          refused.get(0), false);
    }
  }

  @Override
  public boolean deduplicates() {
    return dedupe.enabled();
  }

  @Override
  public Set<String> jobOptions() {
    return format.jobOptions();
  }

  /** Builds the sample's payload without sending it: bad args, kwargs or options fail here, at start-up. */
  @Override
  public void validate(JobRequest sample) {
    format.write(sample);
  }

  @Override
  public void close() {
    connection.close();
  }
}
