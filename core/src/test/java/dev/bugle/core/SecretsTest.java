package dev.bugle.core;

import static org.assertj.core.api.Assertions.assertThat;

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
}
