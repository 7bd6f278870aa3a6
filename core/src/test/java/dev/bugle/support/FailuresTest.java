package dev.bugle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailuresTest {

  @ParameterizedTest
  @CsvSource({
      "08001, UNAVAILABLE", "08006, UNAVAILABLE", "57P01, UNAVAILABLE", "57P03, UNAVAILABLE", "58030, UNAVAILABLE",
      "40001, BUSY", "40P01, BUSY", "53300, BUSY", "55P03, BUSY", "25006, BUSY",
      "28P01, CREDENTIALS", "28000, CREDENTIALS", "42501, CREDENTIALS",
      "3D000, MISSING", "3F000, MISSING", "42P01, MISSING", "42703, MISSING", "42S02, MISSING", "42000, MISSING",
      "22001, REFUSED", "23505, REFUSED", "0A000, REFUSED", "54000, REFUSED",
      "HY000, UNKNOWN", "XX000, UNKNOWN", "70100, UNKNOWN"})
  void sqlStates(String state, FailureKind kind) {
    assertThat(Failures.ofSqlState(state)).isEqualTo(kind);
    assertThat(Failures.of(new SQLException("x", state))).isEqualTo(kind);
  }

  @Test
  void aBadPasswordIsPermanentEvenWhenThePoolCallsItATransientConnectionProblem() {
    // HikariCP: "Connection is not available, request timed out", carrying the driver's SQLSTATE and error.
    SQLException driver = new SQLException("FATAL: password authentication failed for user \"app\"", "28P01");
    SQLException pool = new SQLTransientConnectionException("pool - Connection is not available", "28P01", driver);
    assertThat(Failures.of(new RuntimeException("JobRunr: please create a bug report", pool)))
        .isEqualTo(FailureKind.CREDENTIALS);
    assertThat(Failures.of(pool).retryable()).isFalse();
  }

  @Test
  void theRealErrorOfABatchIsItsNextException() {
    BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0], null);
    batch.setNextException(new SQLException("relation \"delayed_jobs\" does not exist", "42P01"));
    assertThat(Failures.of(batch)).isEqualTo(FailureKind.MISSING);
    assertThat(Failures.sqlState(new RuntimeException(batch))).isEqualTo("42P01");
  }

  @Test
  void networkFailuresAreOutages() {
    assertThat(Failures.of(new SQLException("refused", "08001", new ConnectException("Connection refused"))))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.of(new IOException(new SocketTimeoutException("Read timed out"))))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.of(new SQLTransientConnectionException("timed out"))).isEqualTo(FailureKind.BUSY);
    assertThat(Failures.of(new IllegalStateException("?"))).isEqualTo(FailureKind.UNKNOWN);
    assertThat(FailureKind.UNKNOWN.retryable()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"403, CREDENTIALS", "404, MISSING", "530, MISSING", "402, MISSING", "406, REFUSED", "311, REFUSED",
      "320, UNAVAILABLE", "312, BUSY", "405, BUSY", "541, UNKNOWN", "504, UNKNOWN"})
  void amqpReplyCodes(int code, FailureKind kind) {
    assertThat(Failures.ofAmqpReplyCode(code)).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "WRONGPASS invalid username-password pair or user is disabled.|CREDENTIALS",
      "NOAUTH Authentication required.|CREDENTIALS",
      "NOPERM this user has no permissions to run the 'evalsha' command|CREDENTIALS",
      "ERR invalid password|CREDENTIALS",
      "WRONGTYPE Operation against a key holding the wrong kind of value|REFUSED",
      "ERR Error running script (call to f_1): @user_script:9: WRONGTYPE Operation against a key|REFUSED",
      "LOADING Redis is loading the dataset in memory|UNAVAILABLE",
      "READONLY You can't write against a read only replica.|UNAVAILABLE",
      "BUSY Redis is busy running a script.|BUSY",
      "OOM command not allowed when used memory > 'maxmemory'.|BUSY",
      "ERR max number of clients reached|UNKNOWN"})
  void redisErrors(String reply, FailureKind kind) {
    assertThat(Failures.ofRedisError(reply)).isEqualTo(kind);
  }
}
