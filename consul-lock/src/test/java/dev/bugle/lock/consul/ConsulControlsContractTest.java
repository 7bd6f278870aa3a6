package dev.bugle.lock.consul;

import dev.bugle.spi.LeaderLock;
import dev.bugle.testkit.ControlsContract;

/**
 * The Consul lock's pause records ({@code KEY/controls}, check-and-set) pass the controls contract, against the
 * emulator or a real Consul ({@code CONSUL_HTTP_ADDR}).
 */
class ConsulControlsContractTest extends ControlsContract {
  private final String key = ConsulTarget.uniqueKey();

  @Override
  protected LeaderLock newLock() {
    return new ConsulLockProvider().create(ConsulTarget.settings(key));
  }
}
