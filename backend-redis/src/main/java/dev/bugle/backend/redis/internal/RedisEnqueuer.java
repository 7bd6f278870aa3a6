package dev.bugle.backend.redis.internal;

import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.core.Secrets;
import dev.bugle.spi.DedupeRetention;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.Settings;
import dev.bugle.support.FailureKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

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
    String prefix = settings.prefix();
    return new RedisEnqueuer(prefix.substring(0, prefix.length() - 1), format, ConnectionSettings.read(settings),
        Dedupe.read(settings), PushScript.standard(), false);
  }

  @Override
  public void enqueue(JobRequest job) throws EnqueueException {
    enqueueAll(List.of(job));
  }

  @Override
  public void enqueueAll(List<JobRequest> jobs) throws EnqueueException {
    enqueueAllReportingDuplicates(jobs);
  }

  /** The push script answers, per job, whether it pushed it or found its dedupe key already set. */
  @Override
  public Optional<Set<UUID>> enqueueAllReportingDuplicates(List<JobRequest> jobs) throws EnqueueException {
    if (jobs.isEmpty()) {
      return dedupe.enabled() ? Optional.of(Set.of()) : Optional.empty();
    }
    List<ConfigException> refused = new ArrayList<>();
    Set<UUID> refusedIds = new HashSet<>();
    ScriptPipeline.Sent sent;
    try {
      sent = pipeline.push(jobs, job -> {
        try {
          return format.write(job);
        } catch (ConfigException e) {
          refused.add(e); // the rest of the batch still goes out; this one is reported below
          refusedIds.add(job.id());
          return null;
        }
      });
    } catch (EnqueueException e) {
      if (e.failedJobs().isEmpty() || refusedIds.isEmpty()) {
        throw e;
      }
      Set<UUID> failed = new HashSet<>(e.failedJobs());
      failed.addAll(refusedIds);
      throw new EnqueueException(e.getMessage(), e.getCause(), e.retryable(), failed);
    }
    logPushed(sent.writes(), sent.pushed());
    if (!refused.isEmpty()) {
      throw new EnqueueException(refused.size() + " job(s) cannot be written: " + refused.get(0).getMessage(),
          refused.get(0), false, refusedIds);
    }
    if (!dedupe.enabled()) {
      return Optional.empty(); // nothing is ever absorbed: "already there" cannot be told
    }
    return Optional.of(sent.duplicates());
  }

  private void logPushed(List<RedisWrite> writes, List<Boolean> pushed) {
    if (LOG.isDebugEnabled()) {
      for (int i = 0; i < writes.size(); i++) {
        JobRequest job = writes.get(i).job();
        LOG.debug("{}: {} {} at {} (id {})", name, pushed.get(i) ? "enqueued" : "skipped duplicate of",
            job.schedule(), job.scheduledAt(), job.id());
      }
    }
  }

  @Override
  public boolean deduplicates() {
    return dedupe.enabled();
  }

  /** A fire's dedupe key expires {@code dedupe-ttl} after it was set. */
  @Override
  public Optional<DedupeRetention> dedupeRetention() {
    return dedupe.enabled() ? Optional.of(new DedupeRetention("dedupe-ttl", dedupe.ttl())) : Optional.empty();
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

  /**
   * Connects and loads the push script before the node contends for the lock. Credentials Redis refuses are a
   * configuration mistake (exit 2); an outage is only logged, and enqueues retry it.
   */
  @Override
  public void open() {
    try {
      pipeline.load();
    } catch (JedisException e) {
      String url = connection.settings().url().toString();
      if (RedisFailures.kind(e) == FailureKind.CREDENTIALS) {
        throw new ConfigException(name + ".redis-url", "Redis at " + url + " refused the credentials ("
            + RedisFailures.reason(e) + "); set the user and password in the URL or in "
            + name + ".password; for example: " + name + ".redis-url=redis://app:PASSWORD@127.0.0.1:6379/0");
      }
      LOG.warn("{}: Redis at {} is not reachable yet ({}); enqueues will retry", name, url,
          Secrets.maskUrls(String.valueOf(e.getMessage())));
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
