package dev.bugle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.support.JobJson;
import dev.bugle.testkit.ExternalProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * {@code rediss://} end to end, as a user runs it: a redis-server of this test's own serves TLS with a self-signed
 * certificate, and {@code bugle enqueue} from the real jar writes a Sidekiq job through it, trusting the
 * certificate through the JVM's trust store (as docs/backend-redis.md says to), and refusing it without.
 */
class RedisTlsIT {
  private static final String INSTALL = "scripts/services redis";
  @TempDir
  static Path dir;
  private static ExternalProcess redis;
  private static int plainPort;
  private static int tlsPort;
  private static Path trustStore;

  @BeforeAll
  static void startTlsRedis() throws Exception {
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", "key.pem", "-out", "cert.pem");
    trustStore = dir.resolve("trust.p12");
    run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-importcert", "-noprompt",
        "-alias", "redis", "-file", "cert.pem", "-keystore", trustStore.toString(), "-storetype", "PKCS12",
        "-storepass", "changeit");
    plainPort = freePort();
    tlsPort = freePort();
    redis = ExternalProcess.start("the TLS redis-server", new ProcessBuilder("redis-server", "--bind", "127.0.0.1",
        "--port", String.valueOf(plainPort), "--tls-port", String.valueOf(tlsPort), "--tls-cert-file", "cert.pem",
        "--tls-key-file", "key.pem", "--tls-ca-cert-file", "cert.pem", "--tls-auth-clients", "no", "--save", "",
        "--appendonly", "no").directory(dir.toFile()), dir.resolve("redis.log"), Duration.ZERO, INSTALL);
    redis.await("answer PING", Duration.ofSeconds(20), () -> {
      try (Jedis j = new Jedis("127.0.0.1", plainPort)) {
        return j.ping();
      } catch (RuntimeException notYet) {
        return null;
      }
    });
  }

  @AfterAll
  static void stopTlsRedis() throws InterruptedException {
    if (redis != null) {
      redis.close();
    }
  }

  private static Path config(Path tmp) {
    return new Workspace(tmp).config("tls",
        "bugle.enqueuer.main.type=sidekiq",
        "bugle.enqueuer.main.redis-url=rediss://127.0.0.1:" + tlsPort + "/0",
        "bugle.enqueuer.main.connect-timeout=3s",
        "bugle.schedule.rates.cron=0 * * * *",
        "bugle.schedule.rates.job=CurrencyRatesJob",
        "bugle.schedule.rates.queue=tls",
        "bugle.schedule.rates.args=[\"USD\", 2]");
  }

  private static List<String> queue() {
    try (Jedis j = new Jedis("127.0.0.1", plainPort)) {
      return j.lrange("queue:tls", 0, -1);
    }
  }

  @Test
  void aTrustedCertificateCarriesTheJob(@TempDir Path tmp) throws Exception {
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore="
        + trustStore + " -Djavax.net.ssl.trustStorePassword=changeit"), "enqueue", config(tmp).toString(), "rates");

    assertThat(p.exitCode()).as(p.transcript()).isZero();
    List<String> jobs = queue();
    assertThat(jobs).as(p.transcript()).hasSize(1);
    JsonNode job = JobJson.mapper().readTree(jobs.get(0));
    assertThat(job.path("class").asText()).isEqualTo("CurrencyRatesJob");
    assertThat(job.path("args").toString()).isEqualTo("[\"USD\",2]");
    try (Jedis j = new Jedis("127.0.0.1", plainPort)) {
      assertThat(j.keys(Workspace.NAMESPACE + ":bugle:fired:*")).hasSize(1);
      j.del("queue:tls");
    }
  }

  @Test
  void anUntrustedCertificateIsRefusedAndNothingIsWritten(@TempDir Path tmp) {
    BugleProcess p = BugleProcess.runToEnd(tmp, Map.of("JAVA_TOOL_OPTIONS", ""), "enqueue", config(tmp).toString(),
        "rates");

    assertThat(p.exitCode()).as(p.transcript()).isEqualTo(1);
    assertThat(String.join("\n", p.stderr())).as(p.transcript())
        .contains("rediss://127.0.0.1:" + tlsPort).containsIgnoringCase("certification path");
    assertThat(queue()).isEmpty();
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("cannot run " + command[0] + "; install it with: " + INSTALL, e);
    }
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      fail(String.join(" ", command) + " failed: " + out);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
