package dev.bugle.backend.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.ConfigException;
import dev.bugle.core.PropertySettings;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.testkit.TestSettings;
import java.time.Duration;
import java.util.ServiceLoader;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.junit.jupiter.api.Test;

class JobRunrEnqueuerProviderTest {

  @Test
  void isFoundByTypeThroughServiceLoader() {
    assertThat(ServiceLoader.load(EnqueuerProvider.class).stream().map(p -> p.get().type()))
        .contains("jobrunr");
  }

  @Test
  void readsEverySettingAndMarksThePasswordSecretWithoutConnecting() {
    PropertySettings s = TestSettings.enqueuer(
        "jdbc-url", "jdbc:postgresql://127.0.0.1:1/jobs", // nothing listens there: create must not care
        "username", "bugle", "password", "pw", "table-prefix", "jobs.bugle_", "database-options", "skip-create",
        "connection-timeout", "2s", "pool-size", "3");
    try (Enqueuer e = new JobRunrEnqueuerProvider().create(s)) {
      assertThat(e.deduplicates()).isTrue();
      assertThat(e.jobOptions()).containsExactlyInAnyOrder("arg-types", "delay", "retries", "labels", "job-name");
    }
    assertThat(s.unreadKeys()).isEmpty();
    assertThat(s.secretKeys()).containsExactly("password");
  }

  @Test
  void defaultsFollowJobRunr() {
    JobRunrSettings s = JobRunrSettings.read(TestSettings.enqueuer("jdbc-url", "jdbc:mariadb://db:3306/jobs"));
    assertThat(s.name()).isEqualTo("test");
    assertThat(s.databaseOptions()).isEqualTo(DatabaseOptions.CREATE);
    assertThat(s.tablePrefix()).isNull();
    assertThat(s.username()).isNull();
    assertThat(s.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.poolSize()).isEqualTo(2);
  }

  @Test
  void aMissingOrForeignUrlNamesTheKeyAndAnExample() {
    assertThatThrownBy(() -> JobRunrSettings.read(TestSettings.enqueuer()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.enqueuer.test.jdbc-url")
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:5432/jobs");
    assertThatThrownBy(() -> JobRunrSettings.read(TestSettings.enqueuer("jdbc-url", "jdbc:h2:mem:x;PASSWORD=pw")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.enqueuer.test.jdbc-url")
        .hasMessageContaining("jdbc:mariadb:")
        .hasMessageNotContaining("pw");
  }

  @Test
  void badValuesNameTheirKeys() {
    assertThatThrownBy(() -> read("table-prefix", "bugle-jobs;"))
        .hasMessageContaining("bugle.enqueuer.test.table-prefix").hasMessageContaining("bugle_");
    assertThatThrownBy(() -> read("database-options", "drop"))
        .hasMessageContaining("bugle.enqueuer.test.database-options").hasMessageContaining("skip-create");
    assertThatThrownBy(() -> read("connection-timeout", "100ms"))
        .hasMessageContaining("bugle.enqueuer.test.connection-timeout").hasMessageContaining("250ms");
    assertThatThrownBy(() -> read("pool-size", "0")).hasMessageContaining("bugle.enqueuer.test.pool-size");
  }

  @Test
  void neverShowsThePassword() {
    JobRunrSettings s = JobRunrSettings.read(TestSettings.enqueuer(
        "jdbc-url", "jdbc:postgresql://db/jobs?user=u&password=url-secret", "password", "setting-secret"));
    assertThat(s.toString()).doesNotContain("secret").contains("password=****");
    Enqueuer e = new JobRunrEnqueuerProvider().create(TestSettings.enqueuer(
        "jdbc-url", "jdbc:postgresql://db/jobs?password=url-secret", "password", "setting-secret"));
    assertThat(e.toString()).doesNotContain("secret");
    assertThatCode(e::close).doesNotThrowAnyException();
  }

  @Test
  void aUrlHoldingAPasswordIsMarkedSecret() {
    PropertySettings withPassword = TestSettings.enqueuer("jdbc-url", "jdbc:postgresql://db/jobs?password=x");
    JobRunrSettings.read(withPassword);
    assertThat(withPassword.secretKeys()).contains("jdbc-url");
    PropertySettings plain = TestSettings.enqueuer("jdbc-url", "jdbc:postgresql://db/jobs?user=bugle");
    JobRunrSettings.read(plain);
    assertThat(plain.secretKeys()).doesNotContain("jdbc-url");
  }

  private static JobRunrSettings read(String key, String value) {
    return JobRunrSettings.read(TestSettings.enqueuer("jdbc-url", "jdbc:postgresql://db/jobs", key, value));
  }
}
