package dev.bugle.distribution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Where the tests find the checkout's files, and the numbers the deployment files are checked against. */
final class Layout {
  /**
   * {@code bugle run} exits within this long of SIGTERM (README, Install; deploy/README.md; docs/consul-lock.md: a
   * SIGTERM handover within 2 s). A stop timeout or grace period must exceed it, with margin.
   */
  static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(2);

  /** Exit code of a bad configuration (README, Exit codes): a restart cannot fix it. */
  static final int EXIT_CONFIG = 2;

  private Layout() {
  }

  static Path root() {
    return Path.of(required("bugle.root")).toAbsolutePath().normalize();
  }

  static Path deploy() {
    return root().resolve("deploy");
  }

  static String version() {
    return required("bugle.version");
  }

  static Path tarball() {
    Path p = Path.of(required("bugle.tarball"));
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(p + " is missing: the tarball is built in the package phase (mvn -pl distribution -am verify)");
    }
    return p;
  }

  private static String required(String property) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("system property " + property + " is not set; run the tests through Maven (distribution/pom.xml sets it)");
    }
    return v;
  }
}
