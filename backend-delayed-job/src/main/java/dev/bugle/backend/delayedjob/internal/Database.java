package dev.bugle.backend.delayedjob.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bugle.backend.delayedjob.DelayedJobConfig;
import dev.bugle.core.EnqueueException;
import dev.bugle.support.Failures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool, opened on first use, and the checks made once per pool before the first insert: that
 * the job table has delayed_job's columns and, when deduplicating, that the guard table exists with its
 * unique index. A failed check is not remembered, so a later fire checks again (after the migration ran).
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final Duration PRUNE_EVERY = Duration.ofHours(1);
  private final DelayedJobConfig config;
  private final InstantSource clock;
  private final SqlDialect dialect;
  private final JobTable table;
  private volatile HikariDataSource pool;
  private volatile boolean closed;
  private boolean checked;
  private Instant nextPrune = Instant.MIN;

  public Database(DelayedJobConfig config, InstantSource clock) {
    this.config = config;
    this.clock = clock;
    this.dialect = SqlDialect.forUrl(config.jdbcUrl()).orElseThrow(() -> new IllegalArgumentException(
        "not a PostgreSQL or MariaDB JDBC URL: " + config.displayUrl()));
    this.table = new JobTable(dialect, config.table(), config.deduplicate() ? config.guardTable() : null);
  }

  /**
   * Connects and runs the first-use checks now, for {@code Enqueuer.open()}: a missing database, table or guard, or
   * credentials the database refuses, is a {@link ConfigException} naming the key; an outage is only logged.
   */
  public synchronized void open() {
    try (Connection c = pool().getConnection()) {
      checkOnce(c);
    } catch (SchemaProblem e) {
      throw e.atStartUp();
    } catch (SQLException e) {
      if (!Failures.of(e).retryable()) {
        throw SqlErrors.atStartUp(config, e);
      }
      LOG.warn("{}: the database at {} is not reachable at start-up; enqueues will retry: {}", config.key("jdbc-url"),
          config.displayUrl(), SqlErrors.describe(e, config.password()));
    }
  }

  /**
   * Inserts the rows in one transaction (one statement for a single unguarded row, or guarded on PostgreSQL).
   * Returns the fire ids the guard already held, or null without the guard or when the driver did not say.
   */
  public synchronized Set<UUID> insert(List<JobRow> rows) throws EnqueueException {
    Set<UUID> there;
    try (Connection c = pool().getConnection()) {
      checkOnce(c);
      if (!table.needsTransaction(rows)) {
        there = table.insert(c, rows);
      } else {
        c.setAutoCommit(false);
        try {
          there = table.insert(c, rows);
          c.commit();
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(c);
          throw e;
        }
      }
      pruneIfDue(c);
    } catch (SchemaProblem e) {
      throw e.atEnqueue();
    } catch (SQLException e) {
      throw SqlErrors.toEnqueueException("delayed_job insert into " + config.table() + " at "
          + config.displayUrl() + " failed", e, config.password());
    }
    return there;
  }

  private void checkOnce(Connection c) throws SQLException {
    if (checked) {
      return;
    }
    try {
      table.checkJobTable(c);
    } catch (SQLException e) {
      if (dialect.missingTableOrColumn(Failures.sqlState(e))) {
        throw new SchemaProblem(config.key("table"), "table " + config.table() + " at " + config.displayUrl()
            + " is not delayed_job's table (" + e.getMessage() + "); create it with delayed_job's migration"
            + " (rails generate delayed_job:active_record) or examples/delayed-job/" + dialect.exampleSql("delayed_jobs") + ", or set "
            + config.key("table"), e);
      }
      throw e;
    }
    if (config.deduplicate()) {
      String problem = table.guardProblem(c);
      if (problem != null) {
        throw new SchemaProblem(config.key("deduplicate"), config.key("deduplicate") + "=true but " + problem
            + " at " + config.displayUrl()
            + ": apply the opt-in migration examples/delayed-job/" + dialect.exampleSql("bugle-guard")
            + " (docs/backend-delayed-job.md), or set " + config.key("deduplicate") + "=false to enqueue at-least-once",
            null);
      }
    }
    checked = true;
  }

  private void pruneIfDue(Connection c) {
    Instant now = clock.instant();
    if (!config.deduplicate() || now.isBefore(nextPrune)) {
      return;
    }
    nextPrune = now.plus(PRUNE_EVERY);
    try {
      c.setAutoCommit(true);
      int n = table.prune(c, LocalDateTime.ofInstant(now.minus(config.guardRetention()), ZoneOffset.UTC));
      LOG.debug("pruned {} fire ids older than {} from {}", n, config.guardRetention(), config.guardTable());
    } catch (SQLException e) {
      LOG.warn("could not prune old fire ids from {} (will retry in {}): {}", config.guardTable(), PRUNE_EVERY,
          e.getMessage());
    }
  }

  private HikariDataSource pool() throws SQLException {
    if (closed) {
      throw new SQLException("the delayed_job enqueuer is closed");
    }
    if (pool == null) {
      HikariConfig hc = new HikariConfig();
      hc.setPoolName(config.prefix().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", ""));
      hc.setJdbcUrl(config.jdbcUrl());
      hc.setUsername(config.username());
      hc.setPassword(config.password());
      hc.setMaximumPoolSize(config.poolSize());
      hc.setMinimumIdle(Math.min(1, config.poolSize()));
      hc.setConnectionTimeout(config.connectionTimeout().toMillis());
      hc.setInitializationFailTimeout(-1); // never connect in the constructor; getConnection reports outages
      // The driver's properties; the same parameters in the URL win over these.
      dialect.driverProperties(config.connectionTimeout(), config.queryTimeout()).forEach(hc::addDataSourceProperty);
      pool = new HikariDataSource(hc);
    }
    HikariDataSource p = pool;
    if (closed || p == null) { // close() ran meanwhile
      close();
      throw new SQLException("the delayed_job enqueuer is closed");
    }
    return p;
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      LOG.debug("rollback failed: {}", e.getMessage());
    }
  }

  /**
   * Closes the pool. Not synchronized with {@link #insert}: an insert hung on a database that stopped answering
   * must not hold up the close, which aborts its connection.
   */
  @Override
  public void close() {
    closed = true;
    HikariDataSource p = pool;
    pool = null;
    if (p != null) {
      p.close();
    }
  }
}
