package dev.bugle.backend.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.backend.jobrunr.internal.JdbcUrls;
import dev.bugle.backend.jobrunr.internal.SqlFailures;
import dev.bugle.core.EnqueueException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jobrunr.JobRunrException;
import org.jobrunr.storage.StorageException;
import org.junit.jupiter.api.Test;

class SqlFailuresTest {

  @Test
  void anOutageIsRetryable() {
    assertThat(SqlFailures.isRetryable(new StorageException(new SQLException("refused", "08001")))).isTrue();
    assertThat(SqlFailures.isRetryable(new SQLTransientConnectionException("pool timed out"))).isTrue();
    assertThat(SqlFailures.isRetryable(new StorageException(new SQLException("starting up", "57P03")))).isTrue();
    assertThat(SqlFailures.isRetryable(new StorageException(new SQLException("deadlock", "40P01")))).isTrue();
    assertThat(SqlFailures.isRetryable(new IllegalStateException("unknown"))).isTrue();
  }

  @Test
  void whatRetryingCannotFixIsPermanentEvenBehindThePoolsTimeout() {
    SQLException noDb = new SQLException("database \"x\" does not exist", "3D000");
    assertThat(SqlFailures.isRetryable(new SQLTransientConnectionException("not available", noDb))).isFalse();
    assertThat(SqlFailures.isRetryable(new StorageException(new SQLException("no table", "42P01")))).isFalse();
    assertThat(SqlFailures.isRetryable(new StorageException(new SQLException("auth", "28P01")))).isFalse();
    assertThat(SqlFailures.isRetryable(new JobRunrException("Not all required tables are available by JobRunr!")))
        .isFalse();
  }

  @Test
  void recognisesADuplicateIdInABatch() {
    BatchUpdateException batch = new BatchUpdateException("batch failed", new int[0]);
    batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
    assertThat(SqlFailures.isDuplicateKey(new StorageException(batch))).isTrue();
    assertThat(SqlFailures.isDuplicateKey(new StorageException(new SQLException("Duplicate entry", "23000"))))
        .isTrue();
    assertThat(SqlFailures.isDuplicateKey(new StorageException(new SQLException("refused", "08001")))).isFalse();
  }

  @Test
  void messagesNameTheStorageAndNeverThePassword() {
    String url = "jdbc:postgresql://db/jobs?user=bugle&password=p4ss";
    EnqueueException e = new SqlFailures(JdbcUrls.mask(url), "s3cret")
        .of("saving job 1", new StorageException(new SQLException("auth failed for s3cret", "28P01")));
    assertThat(e.getMessage())
        .startsWith("saving job 1 failed (JobRunr storage jdbc:postgresql://db/jobs?user=bugle&password=****): ")
        .contains("auth failed for ****")
        .doesNotContain("p4ss").doesNotContain("s3cret");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void masksPasswordsInEveryUrlForm() {
    assertThat(JdbcUrls.mask("jdbc:mariadb://db/jobs?user=u&password=x&ssl=true failed"))
        .isEqualTo("jdbc:mariadb://db/jobs?user=u&password=****&ssl=true failed");
    assertThat(JdbcUrls.mask("jdbc:mariadb://address=(host=db)(password=x)/jobs"))
        .isEqualTo("jdbc:mariadb://address=(host=db)(password=****)/jobs");
    assertThat(JdbcUrls.mask("postgresql://u:x@db/jobs")).isEqualTo("postgresql://u:****@db/jobs");
  }
}
