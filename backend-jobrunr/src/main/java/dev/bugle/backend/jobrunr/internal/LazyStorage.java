package dev.bugle.backend.jobrunr.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bugle.backend.jobrunr.JobRunrSettings;
import dev.bugle.core.EnqueueException;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * JobRunr's SQL {@link StorageProvider} over a HikariCP pool, opened on first use (JobRunr connects as soon as the
 * provider is built: it reads the URL to pick a dialect and runs or checks its migrations). No JobRunr background
 * thread starts: nothing registers a change listener and no {@code BackgroundJobServer} exists here.
 */
public final class LazyStorage implements AutoCloseable {
  private final JobRunrSettings settings;
  private final SqlFailures failures;
  private volatile HikariDataSource pool;
  private volatile StorageProvider storage;
  private volatile boolean closed;

  public LazyStorage(JobRunrSettings settings) {
    this.settings = settings;
    this.failures = new SqlFailures(settings.maskedUrl(), settings.password());
  }

  /** The storage, opening it first if needed; a failure leaves nothing open, so the next call tries again. */
  public synchronized StorageProvider get() throws EnqueueException {
    StorageProvider ready = storage;
    if (ready != null) {
      return ready;
    }
    if (closed) {
      throw new EnqueueException("the jobrunr enqueuer '" + settings.name() + "' is closed", null, false);
    }
    HikariDataSource ds = null;
    try {
      ds = new HikariDataSource(config()); // checks the driver and the URL; connects only below
      StorageProvider sp = SqlStorageProviderFactory.using(ds, settings.tablePrefix(), settings.databaseOptions());
      // Without auto-discovered Jackson modules, Instants are written as ISO strings, which every worker reads.
      sp.setJobMapper(new JobMapper(new JacksonJsonMapper(false)));
      pool = ds;
      storage = sp;
      if (closed) { // close() ran while this connected
        close();
        throw new EnqueueException("the jobrunr enqueuer '" + settings.name() + "' is closed", null, false);
      }
      return sp;
    } catch (RuntimeException e) {
      pool = null;
      if (ds != null) {
        ds.close();
      }
      if (closed) {
        throw new EnqueueException("the jobrunr enqueuer '" + settings.name() + "' is closed", e, false);
      }
      if (SqlFailures.tablesMissing(e)) {
        throw new EnqueueException(tablesMissingMessage(), e, false);
      }
      throw failures.of("opening", e);
    }
  }

  /** The failure classifier for this storage. */
  public SqlFailures failures() {
    return failures;
  }

  /**
   * Closes the storage and the pool. Not synchronized with {@link #get}: an open hung on a database that stopped
   * answering must not hold up the close. A pool still opening is left to {@link #get}, which closes it once
   * it sees the close (closing it here would wait for the hung connection attempt).
   */
  @Override
  public void close() {
    closed = true;
    StorageProvider sp = storage;
    if (sp == null) {
      return;
    }
    storage = null;
    HikariDataSource ds = pool;
    pool = null;
    sp.close();
    if (ds != null) {
      ds.close();
    }
  }

  private String tablesMissingMessage() {
    String prefix = settings.tablePrefix() == null ? "" : settings.tablePrefix();
    return "JobRunr's tables (" + prefix + "jobrunr_jobs and the others) are missing in " + settings.maskedUrl()
        + ", and bugle.enqueuer." + settings.name() + ".database-options=skip-create does not create them."
        + " Create them (start a JobRunr worker with table creation on, or set bugle.enqueuer." + settings.name()
        + ".database-options=create), or fix table-prefix to the one the workers use";
  }

  private HikariConfig config() {
    HikariConfig c = new HikariConfig();
    c.setPoolName("bugle-jobrunr-" + settings.name());
    c.setJdbcUrl(settings.jdbcUrl());
    if (settings.username() != null) {
      c.setUsername(settings.username());
    }
    if (settings.password() != null) {
      c.setPassword(settings.password());
    }
    c.setMaximumPoolSize(settings.poolSize());
    c.setMinimumIdle(0);
    c.setConnectionTimeout(settings.connectionTimeout().toMillis());
    c.setValidationTimeout(Math.min(settings.connectionTimeout().toMillis(), 5000));
    c.setInitializationFailTimeout(-1); // JobRunr's factory connects next and reports a failure itself
    return c;
  }
}
