package dev.bugle.lock.consul;

import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.LeaderLockProvider;
import dev.bugle.spi.Settings;

/** {@code bugle.lock=consul}: a session lock on a Consul KV key. */
public final class ConsulLockProvider implements LeaderLockProvider {
  @Override
  public String type() {
    return "consul";
  }

  @Override
  public LeaderLock create(Settings settings) {
    return new ConsulLeaderLock(ConsulLockSettings.read(settings), System::nanoTime);
  }
}
