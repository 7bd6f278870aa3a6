package dev.bugle.benchmarks.delayedjob;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bugle.backend.delayedjob.DelayedJobEnqueuerProvider;
import dev.bugle.core.JobRequest;
import dev.bugle.core.PropertySettings;
import dev.bugle.spi.Enqueuer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Bugle's delayed-job enqueuer against a hand-written JDBC INSERT of the same row (a handler prepared once) on
 * the same PostgreSQL (127.0.0.1:5432/test), one job and a batch of 25, with and without the guard.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar DelayedJob -f 1 -wi 2 -w 2s -i 3 -r 3s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DelayedJobBenchmark {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private final String table = "dj_bench_" + UUID.randomUUID().toString().substring(0, 8);
  private final String guard = table + "_fires";
  private Enqueuer plain;
  private Enqueuer guarded;
  private HikariDataSource raw;
  private JobRequest job;
  private String handler;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(URL);
    hc.setUsername("postgres");
    hc.setMaximumPoolSize(2);
    raw = new HikariDataSource(hc);
    sql("CREATE TABLE " + table + " (id bigserial PRIMARY KEY, priority integer NOT NULL DEFAULT 0,"
        + " attempts integer NOT NULL DEFAULT 0, handler text NOT NULL, last_error text, run_at timestamp,"
        + " locked_at timestamp, failed_at timestamp, locked_by varchar, queue varchar, created_at timestamp(6),"
        + " updated_at timestamp(6)); CREATE INDEX ON " + table + " (priority, run_at);"
        + " CREATE TABLE " + guard + " (fire_id uuid PRIMARY KEY, created_at timestamp NOT NULL);"
        + " CREATE INDEX ON " + guard + " (created_at)");
    plain = enqueuer(false);
    guarded = enqueuer(true);
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("text", "Grüße, 世界");
    nested.put("list", Arrays.asList(1, 2.5, null, "yes"));
    job = JobRequest.of("bench", "rates", Instant.parse("2026-01-01T00:00:00Z"), "CurrencyRatesJob", null,
        new ArrayList<>(Arrays.asList("USD", 2, "2024-01-01", nested)), Map.of("source", "ecb"), Map.of());
    handler = "--- !ruby/object:ActiveJob::QueueAdapters::DelayedJobAdapter::JobWrapper\njob_data:\n"
        + "  job_class: CurrencyRatesJob\n  job_id: \"" + job.id() + "\"\n  arguments:\n  - USD\n  - 2\n";
  }

  private Enqueuer enqueuer(boolean deduplicate) {
    return new DelayedJobEnqueuerProvider().create(PropertySettings.of("bugle.enqueuer.bench.", "bench",
        InstantSource.system(), Map.of("jdbc-url", URL, "username", "postgres", "table", table,
            "deduplicate", String.valueOf(deduplicate), "guard-table", guard)));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    plain.close();
    guarded.close();
    sql("DROP TABLE " + table + "; DROP TABLE " + guard);
    raw.close();
  }

  private void sql(String sql) throws SQLException {
    try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Benchmark
  public void bugleEnqueue() {
    plain.enqueue(job);
  }

  @Benchmark
  public void bugleEnqueueGuarded() {
    guarded.enqueue(job.withId(UUID.randomUUID()));
  }

  @Benchmark
  public void rawJdbcInsert() throws SQLException {
    try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(insertSql())) {
      bind(ps);
      ps.executeUpdate();
    }
  }

  @Benchmark
  public void bugleEnqueueAll25() {
    List<JobRequest> jobs = new ArrayList<>(25);
    for (int i = 0; i < 25; i++) {
      jobs.add(job);
    }
    plain.enqueueAll(jobs);
  }

  @Benchmark
  public void rawJdbcBatch25() throws SQLException {
    try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(insertSql())) {
      c.setAutoCommit(false);
      for (int i = 0; i < 25; i++) {
        bind(ps);
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
      c.setAutoCommit(true);
    }
  }

  private String insertSql() {
    return "INSERT INTO " + table + " (priority, attempts, handler, run_at, queue, created_at, updated_at)"
        + " VALUES (0, 0, ?, ?, 'default', ?, ?)";
  }

  private void bind(PreparedStatement ps) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    ps.setString(1, handler);
    ps.setTimestamp(2, now);
    ps.setTimestamp(3, now);
    ps.setTimestamp(4, now);
  }
}
