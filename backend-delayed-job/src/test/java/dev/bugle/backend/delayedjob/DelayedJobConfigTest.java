package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.ConfigException;
import dev.bugle.core.PropertySettings;
import dev.bugle.testkit.TestSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelayedJobConfigTest {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/app";

  @Test
  void defaultsNeedOnlyTheUrl() {
    PropertySettings s = TestSettings.enqueuer("jdbc-url", URL);
    DelayedJobConfig c = DelayedJobConfig.from(s);
    assertThat(c.table()).isEqualTo("delayed_jobs");
    assertThat(c.handler()).isEqualTo(HandlerKind.ACTIVE_JOB);
    assertThat(c.priority()).isZero();
    assertThat(c.queue()).isNull();
    assertThat(c.poolSize()).isEqualTo(2);
    assertThat(c.deduplicate()).isFalse();
    assertThat(c.guardTable()).isEqualTo("bugle_fires");
    assertThat(c.guardRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(c.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.queryTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.unreadKeys()).isEmpty();
  }

  @Test
  void everySettingIsReadSoNoneIsReportedUnknown() {
    PropertySettings s = TestSettings.enqueuer("jdbc-url", URL, "username", "app", "password", "s3cret",
        "table", "jobs.delayed_jobs", "pool-size", "4", "connection-timeout", "2s", "query-timeout", "10s",
        "queue", "mail", "priority", "-5", "handler", "struct", "deduplicate", "true", "guard-table", "bugle_guard",
        "guard-retention", "2d", "tabel", "typo");
    DelayedJobConfig c = DelayedJobConfig.from(s);
    assertThat(s.unreadKeys()).containsExactly("tabel");
    assertThat(s.secretKeys()).containsExactly("password");
    assertThat(c).extracting(DelayedJobConfig::table, DelayedJobConfig::queue, DelayedJobConfig::priority,
        DelayedJobConfig::handler, DelayedJobConfig::deduplicate, DelayedJobConfig::guardTable)
        .containsExactly("jobs.delayed_jobs", "mail", -5, HandlerKind.STRUCT, true, "bugle_guard");
  }

  @Test
  void aPasswordInTheUrlMarksTheUrlSecretAndStaysOutOfMessages() {
    PropertySettings s = TestSettings.enqueuer("jdbc-url", URL + "?user=app&password=s3cret");
    DelayedJobConfig c = DelayedJobConfig.from(s);
    assertThat(s.secretKeys()).contains("jdbc-url");
    assertThat(c.displayUrl()).isEqualTo(URL).doesNotContain("s3cret");
    assertThat(new DelayedJobEnqueuer(c, java.time.InstantSource.system()).toString()).doesNotContain("s3cret");
  }

  @Test
  void aMariaDbUrlIsAcceptedAndItsPasswordIsMaskedToo() {
    String maria = "jdbc:mariadb://127.0.0.1:3306/app";
    assertThat(DelayedJobConfig.from(TestSettings.enqueuer("jdbc-url", maria)).jdbcUrl()).isEqualTo(maria);
    PropertySettings s = TestSettings.enqueuer("jdbc-url", maria + "?user=app&password=s3cret");
    DelayedJobConfig c = DelayedJobConfig.from(s);
    assertThat(s.secretKeys()).contains("jdbc-url");
    assertThat(c.displayUrl()).isEqualTo(maria);
    assertThat(new DelayedJobEnqueuer(c, java.time.InstantSource.system()).toString()).doesNotContain("s3cret");
  }

  @Test
  void errorsNameTheFullKeyAndShowAValidExample() {
    assertThatThrownBy(() -> DelayedJobConfig.from(TestSettings.enqueuer()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.enqueuer.test.jdbc-url")
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:5432/app_production");
    for (String bad : List.of("jdbc:mysql://h/db", "jdbc:mariadb:h/db", "jdbc:mariadb://h/db?socketTimeout=x",
        "postgresql://h/db", "jdbc:sqlserver://h")) {
      assertThatThrownBy(() -> DelayedJobConfig.from(TestSettings.enqueuer("jdbc-url", bad)))
          .as(bad).isInstanceOf(ConfigException.class)
          .hasMessageContaining("bugle.enqueuer.test.jdbc-url")
          .hasMessageContaining("jdbc:postgresql://HOST:PORT/DATABASE or jdbc:mariadb://HOST:PORT/DATABASE")
          .hasMessageContaining("bugle.enqueuer.test.jdbc-url=jdbc:postgresql://127.0.0.1:5432/app_production");
    }
    assertThatThrownBy(() -> DelayedJobConfig.from(TestSettings.enqueuer("jdbc-url", URL, "handler", "yaml")))
        .hasMessageContaining("bugle.enqueuer.test.handler").hasMessageContaining("[active-job, method, object, struct]");
    assertThatThrownBy(() -> DelayedJobConfig.from(TestSettings.enqueuer("jdbc-url", URL, "table", "jobs; DROP")))
        .hasMessageContaining("bugle.enqueuer.test.table").hasMessageContaining("=delayed_jobs");
    assertThatThrownBy(() -> DelayedJobConfig.from(TestSettings.enqueuer("jdbc-url", URL, "guard-table", "Fires")))
        .hasMessageContaining("bugle.enqueuer.test.guard-table");
    assertThatThrownBy(() -> DelayedJobConfig.from(TestSettings.enqueuer("jdbc-url", URL, "pool-size", "0")))
        .hasMessageContaining("bugle.enqueuer.test.pool-size");
    assertThatThrownBy(() -> DelayedJobConfig.from(TestSettings.enqueuer("jdbc-url", URL, "guard-retention", "5s")))
        .hasMessageContaining("bugle.enqueuer.test.guard-retention").hasMessageContaining("=7d");
    assertThatThrownBy(() -> DelayedJobConfig.from(TestSettings.enqueuer("jdbc-url", URL, "deduplicate", "yes")))
        .hasMessageContaining("bugle.enqueuer.test.deduplicate");
  }
}
