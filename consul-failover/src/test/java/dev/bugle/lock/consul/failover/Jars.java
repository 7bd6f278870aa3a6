package dev.bugle.lock.consul.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The two runnable jars the failover tests start as processes. */
final class Jars {
  private Jars() {
  }

  static Path bugle() {
    return existing("bugle.jar", "cli/target/bugle.jar");
  }

  static Path emulator() {
    return existing("consul.emulator.jar", "testkit/target/consul-emulator.jar");
  }

  private static Path existing(String property, String fallback) {
    Path p = Path.of(System.getProperty(property, "../" + fallback)).toAbsolutePath().normalize();
    assertThat(Files.isRegularFile(p))
        .as("%s is missing; build it with: mvn -pl consul-failover -am verify", p).isTrue();
    return p;
  }
}
