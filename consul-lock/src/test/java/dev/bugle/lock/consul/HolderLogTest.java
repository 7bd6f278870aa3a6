package dev.bugle.lock.consul;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.Lease;
import dev.bugle.testkit.consul.EmulatorOptions;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A standby names the holder it waits for, once per holder: not again on every blocking round. The watching
 * standby asks for a TTL below the server's minimum, so it can never take the key itself and only watches.
 */
class HolderLogTest extends EmulatedConsul {

  @Override
  protected EmulatorOptions options() {
    return EmulatorOptions.defaults().withMinSessionTtl(Duration.ofSeconds(2));
  }

  @Test
  void theStandbyNamesEachHolderOnce() throws Exception {
    try (LogCapture log = new LogCapture()) {
      ConsulLease first = (ConsulLease) lock().acquire(Duration.ZERO).orElseThrow();
      LeaderLock watcher = lock("ttl", "1s", "read-timeout", "900ms", "connect-timeout", "500ms");
      Thread watching = new Thread(() -> acquire(watcher, Duration.ofSeconds(20)), "watcher");
      watching.setDaemon(true);
      watching.start();
      Thread.sleep(500);
      rewriteKeyInPlace(3); // three more blocking rounds, same holder
      ConsulLeaderLock next = lock();
      CompletableFuture<Optional<Lease>> taking = CompletableFuture.supplyAsync(() -> acquire(next, Duration.ofSeconds(10)));
      Thread.sleep(300);
      first.close();
      ConsulLease second = (ConsulLease) taking.get(5, TimeUnit.SECONDS).orElseThrow();
      Thread.sleep(500);
      rewriteKeyInPlace(2);

      String who = "host " + InetAddress.getLocalHost().getHostName() + " pid " + ProcessHandle.current().pid();
      String prefix = "[watcher] INFO dev.bugle.lock.consul.Standby - standby: the lock " + key + " is held by ";
      assertThat(log.lines(prefix + who + " (session " + first.sessionId() + ")")).hasSize(1);
      assertThat(log.lines(prefix + who + " (session " + second.sessionId() + ")")).hasSize(1);
      assertThat(log.lines(prefix)).hasSize(2);
    }
  }

  /** Plain PUTs of the same value: Consul keeps the Session and bumps ModifyIndex, waking blocking reads. */
  private void rewriteKeyInPlace(int times) throws Exception {
    byte[] value = consul.store().kvGet(key).value().value();
    for (int i = 0; i < times; i++) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(consul.address() + "/v1/kv/" + key)).PUT(HttpRequest.BodyPublishers.ofByteArray(value)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.body()).isEqualTo("true");
      Thread.sleep(200);
    }
  }

  private static Optional<Lease> acquire(LeaderLock lock, Duration wait) {
    try {
      return lock.acquire(wait);
    } catch (InterruptedException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
