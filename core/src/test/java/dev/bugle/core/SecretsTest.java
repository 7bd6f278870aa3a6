package dev.bugle.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void masksPasswordsInUrlsAndSecretKeys() {
    assertThat(Secrets.maskUrls("redis://user:s3cret@host:6379/0 and amqps://guest:guest@rabbit/vhost"))
        .isEqualTo("redis://user:****@host:6379/0 and amqps://guest:****@rabbit/vhost");
    assertThat(Secrets.maskUrls("redis://host:6379/0")).isEqualTo("redis://host:6379/0");
    assertThat(Secrets.maskUrls("jdbc:postgresql://db/app?user=bugle&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/app?user=bugle&password=****&ssl=true");
    assertThat(Secrets.maskUrls("(jdbc:postgresql://db/app?password=****): refused"))
        .as("masking twice keeps the text after the mask").isEqualTo("(jdbc:postgresql://db/app?password=****): refused");
    assertThat(Secrets.display("bugle.lock.consul.token", "abc")).isEqualTo("****");
    assertThat(Secrets.display("bugle.enqueuer.db.password", "abc")).isEqualTo("****");
    assertThat(Secrets.display("bugle.enqueuer.main.redis-url", "redis://:pw@h")).isEqualTo("redis://:****@h");
    assertThat(Secrets.display("bugle.schedule.rotate-token.job", "RotateJob")).isEqualTo("RotateJob");
  }

  /** A password with an unencoded '@' (or ':' or '/') is masked up to the last '@' before the host. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "redis://:Part@9z@host:6379/0 | redis://:****@host:6379/0",
      "rediss://default:a@b:c/d@cache.internal:6380 | rediss://default:****@cache.internal:6380",
      "amqp://bob:p@ss@rabbit:5672/shop | amqp://bob:****@rabbit:5672/shop",
      "amqps://bob:p@ss@rabbit/shop | amqps://bob:****@rabbit/shop",
      "jdbc:postgresql://app:p@ss@db:5432/app | jdbc:postgresql://app:****@db:5432/app",
      "jdbc:mariadb://root:p@ss@db:3306/test | jdbc:mariadb://root:****@db:3306/test",
      "jdbc:postgresql://db/app?user=app&password=p@ss:w/rd&ssl=true | jdbc:postgresql://db/app?user=app&password=****&ssl=true",
      "jdbc:mariadb://db/test?user=root&PASSWORD=p@ss | jdbc:mariadb://db/test?user=root&PASSWORD=****",
      "jdbc:mariadb://db/test;pwd=p@ss;ssl=1 | jdbc:mariadb://db/test;pwd=****;ssl=1",
      "cannot connect to redis://:a@b@h:1 (refused) | cannot connect to redis://:****@h:1 (refused)",
      "redis://:****@h:1 | redis://:****@h:1"})
  void masksEveryUrlForm(String text, String masked) {
    assertThat(Secrets.maskUrls(text)).isEqualTo(masked).doesNotContain("p@ss").doesNotContain("Part");
    assertThat(Secrets.maskUrls(masked)).as("masking is idempotent").isEqualTo(masked);
  }
}
