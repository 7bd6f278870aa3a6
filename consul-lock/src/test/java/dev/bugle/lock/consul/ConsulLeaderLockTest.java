package dev.bugle.lock.consul;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.spi.LeaderLock;
import dev.bugle.spi.Lease;
import dev.bugle.testkit.LeaderLockContract;

/**
 * The shared {@link LeaderLockContract} for the consul lock: against the in-process emulator, or against a
 * real Consul when {@code CONSUL_HTTP_ADDR} is set. Loss is forced by destroying the session, as an operator
 * (or a failed health check) would.
 */
class ConsulLeaderLockTest extends LeaderLockContract {
  private final String key = ConsulTarget.uniqueKey();

  @Override
  protected LeaderLock createContender() {
    return new ConsulLockProvider().create(ConsulTarget.settings(key));
  }

  @Override
  protected boolean canInspect() {
    return true;
  }

  /** Consul keeps no times: a session has a CreateIndex but no creation time. */
  @Override
  protected boolean inspectTellsSince() {
    return false;
  }

  @Override
  protected void forceLoss(Lease lease) throws Exception {
    String session = ((ConsulLease) lease).sessionId();
    assertThat(ConsulTarget.http("PUT", "/v1/session/destroy/" + session).statusCode()).isEqualTo(200);
  }
}
