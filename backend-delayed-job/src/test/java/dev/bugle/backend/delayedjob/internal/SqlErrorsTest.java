package dev.bugle.backend.delayedjob.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {
  @Test
  void outagesAndUnknownStatesAreRetryable() {
    assertThat(SqlErrors.isRetryable(new SQLTransientConnectionException("pool timeout"))).isTrue();
    assertThat(SqlErrors.isRetryable(new SQLException("refused", "08001"))).isTrue();
    assertThat(SqlErrors.isRetryable(new SQLException("shutdown", "57P01"))).isTrue();
    assertThat(SqlErrors.isRetryable(new SQLException("deadlock", "40P01"))).isTrue();
    assertThat(SqlErrors.isRetryable(new SQLException("no state"))).isTrue();
  }

  @Test
  void errorsARetryCannotFixArePermanent() {
    assertThat(SqlErrors.isRetryable(new SQLException("no table", "42P01"))).isFalse();
    assertThat(SqlErrors.isRetryable(new SQLException("not null", "23502"))).isFalse();
    assertThat(SqlErrors.isRetryable(new SQLException("bad value", "22P02"))).isFalse();
  }

  @Test
  void badCredentialsArePermanentEvenThroughThePoolsTransientTimeout() {
    SQLException driver = new SQLException("Access denied for user 'app'@'10.0.0.1' (using password: YES)", "28000");
    assertThat(SqlErrors.isRetryable(new SQLTransientConnectionException("pool - Connection is not available",
        "28000", driver))).isFalse();
    assertThat(SqlErrors.isRetryable(new java.sql.SQLNonTransientConnectionException("denied", "28000"))).isFalse();
    assertThat(SqlErrors.toEnqueueException("insert", new SQLException("pw s3cret! refused", "28P01"), "s3cret!")
        .getMessage()).doesNotContain("s3cret!");
  }

  @Test
  void aBatchIsJudgedByTheErrorItWraps() {
    BatchUpdateException batch = new BatchUpdateException("batch entry 0 failed", null, 0, new int[0], null);
    batch.setNextException(new SQLException("no column", "42703"));
    assertThat(SqlErrors.isRetryable(batch)).isFalse();
    assertThat(SqlErrors.toEnqueueException("insert", batch, null).getMessage())
        .contains("batch entry 0 failed", "no column", "42703");
  }
}
