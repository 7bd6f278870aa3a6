package dev.bugle.examples.jobrunr;

import static org.jobrunr.server.BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.configuration.JobRunrConfiguration.JobRunrConfigurationResult;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;

/**
 * A plain JobRunr worker, as a team runs it: a {@code BackgroundJobServer} polling JobRunr's SQL tables, with the
 * job classes ({@link DigestJobs}, {@link Report}) on its classpath. It knows nothing of Bugle.
 *
 * <p>Environment: {@code JOBRUNR_JDBC_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}),
 * {@code JOBRUNR_USERNAME} (default {@code postgres}), {@code JOBRUNR_PASSWORD}, {@code JOBRUNR_TABLE_PREFIX},
 * {@code JOBRUNR_WORKERS} (default 2), and {@code JOBRUNR_EXAMPLE_OUT}, a file each job appends a line to.
 */
public final class Worker {
  private Worker() {
  }

  public static void main(String[] args) throws InterruptedException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(env("JOBRUNR_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
    config.setUsername(env("JOBRUNR_USERNAME", "postgres"));
    config.setPassword(env("JOBRUNR_PASSWORD", null));
    config.setMaximumPoolSize(4);
    HikariDataSource dataSource = new HikariDataSource(config);

    JobRunrConfigurationResult jobRunr = JobRunr.configure()
        .useStorageProvider(SqlStorageProviderFactory.using(dataSource, env("JOBRUNR_TABLE_PREFIX", null)))
        .useBackgroundJobServer(usingStandardBackgroundJobServerConfiguration()
            .andPollInterval(Duration.ofSeconds(5)) // JobRunr's minimum; its default is 15s
            .andWorkerCount(Integer.parseInt(env("JOBRUNR_WORKERS", "2"))))
        .initialize();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      JobRunr.destroy();
      dataSource.close();
      stopped.countDown();
    }, "worker-shutdown"));
    System.out.println("jobrunr example worker ready: " + jobRunr.getClass().getSimpleName());
    stopped.await();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
