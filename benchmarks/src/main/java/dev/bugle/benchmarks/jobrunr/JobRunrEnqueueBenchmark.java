package dev.bugle.benchmarks.jobrunr;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bugle.backend.jobrunr.JobRunrEnqueuerProvider;
import dev.bugle.core.JobRequest;
import dev.bugle.core.PropertySettings;
import dev.bugle.spi.Enqueuer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.JobParameter;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.EnqueuedState;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.JobUtils;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 10,000 jobs into JobRunr's PostgreSQL storage: Bugle's {@code enqueueAll} (from JobRequests: typing the args,
 * building the jobs, one batch) against JobRunr's own {@code StorageProvider.save(List<Job>)} of the same jobs
 * built directly. Each measured operation is one batch of fresh ids into an emptied table.
 *
 * <p>Needs PostgreSQL on 127.0.0.1:5432, database {@code test} ({@code scripts/services postgresql}). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar JobRunrEnqueueBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class JobRunrEnqueueBenchmark {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");

  @Param("10000")
  public int jobs;

  private final String bugleTables = "bench_" + UUID.randomUUID().toString().substring(0, 8) + "_bugle_";
  private final String rawTables = "bench_" + UUID.randomUUID().toString().substring(0, 8) + "_raw_";
  private Enqueuer enqueuer;
  private HikariDataSource rawPool;
  private StorageProvider rawStorage;
  private List<JobRequest> requests;
  private List<UUID> rawIds;

  @Setup(Level.Trial)
  public void open() throws Exception {
    enqueuer = new JobRunrEnqueuerProvider().create(PropertySettings.of("bugle.enqueuer.bench.", "bench",
        InstantSource.system(), Map.of("jdbc-url", URL, "username", "postgres", "table-prefix", bugleTables)));
    enqueuer.enqueueAll(List.of(request(0))); // opens the pool and creates the tables outside the measurement
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(URL);
    config.setUsername("postgres");
    config.setMaximumPoolSize(2);
    rawPool = new HikariDataSource(config);
    rawStorage = SqlStorageProviderFactory.using(rawPool, rawTables);
    rawStorage.setJobMapper(new JobMapper(new JacksonJsonMapper(false)));
  }

  @Setup(Level.Iteration)
  public void freshJobs() throws SQLException {
    truncate(bugleTables);
    truncate(rawTables);
    long base = System.nanoTime();
    requests = new ArrayList<>(jobs);
    rawIds = new ArrayList<>(jobs);
    for (int i = 0; i < jobs; i++) {
      requests.add(request(base + i));
      rawIds.add(UUID.randomUUID());
    }
  }

  @Benchmark
  public void bugleEnqueueAll() {
    enqueuer.enqueueAll(requests);
  }

  @Benchmark
  public List<Job> jobRunrSaveList() {
    List<Job> batch = new ArrayList<>(jobs);
    Instant now = Instant.now();
    for (int i = 0; i < jobs; i++) {
      JobDetails details = new JobDetails("com.acme.DigestJobs", null, "send", List.of(
          new JobParameter("java.lang.String", "java.lang.String", "EUR"),
          new JobParameter("java.lang.Long", "java.lang.Long", 42L),
          new JobParameter("java.util.UUID", "java.util.UUID", rawIds.get(i))));
      Job job = new Job(rawIds.get(i), details, new EnqueuedState(now));
      job.setJobName(JobUtils.getReadableNameFromJobDetails(details));
      batch.add(job);
    }
    return rawStorage.save(batch);
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    enqueuer.close();
    rawStorage.close();
    rawPool.close();
    try (Connection c = java.sql.DriverManager.getConnection(URL, "postgres", ""); Statement st = c.createStatement()) {
      for (String prefix : List.of(bugleTables, rawTables)) {
        st.execute("drop view if exists " + prefix + "jobrunr_jobs_stats cascade");
        for (String t : List.of("jobs", "recurring_jobs", "backgroundjobservers", "metadata", "migrations")) {
          st.execute("drop table if exists " + prefix + "jobrunr_" + t + " cascade");
        }
      }
    }
  }

  private JobRequest request(long n) {
    String schedule = "digest-" + n;
    return JobRequest.of("bench", schedule, AT, "com.acme.DigestJobs#send", null,
        List.of("EUR", 42, UUID.nameUUIDFromBytes(schedule.getBytes()).toString()), Map.of(),
        Map.of("arg-types", "String,long,UUID"));
  }

  private void truncate(String prefix) throws SQLException {
    try (Connection c = java.sql.DriverManager.getConnection(URL, "postgres", ""); Statement st = c.createStatement()) {
      st.execute("truncate table " + prefix + "jobrunr_jobs");
    }
  }
}
