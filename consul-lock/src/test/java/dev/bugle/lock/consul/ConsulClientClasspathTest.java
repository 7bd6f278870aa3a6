package dev.bugle.lock.consul;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retrofit's OkHttp 4 is excluded in the pom so that only the client's OkHttp 5 remains; this proves that there
 * is one copy of the classes (and the other tests prove the client works with it).
 */
class ConsulClientClasspathTest {
  @Test
  void exactlyOneOkHttpOnTheClassPath() throws Exception {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
    assertThat(copies).hasSize(1);
    assertThat(copies.get(0).toString()).contains("okhttp-jvm");
    assertThat(Collections.list(getClass().getClassLoader().getResources("okio/Buffer.class"))).hasSize(1);
  }
}
