package dev.bugle.lock.consul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.LockException;
import dev.bugle.testkit.consul.EmulatorOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The ACL token is sent to Consul and appears in no message. */
class AclTokenTest extends EmulatedConsul {
  private static final String TOKEN = "9b1c6b0e-acl-token-value";

  @Override
  protected EmulatorOptions options() {
    return super.options().withAclToken(TOKEN);
  }

  @Test
  void theRightTokenGetsTheLock() throws Exception {
    assertThat(lock("token", TOKEN).acquire(Duration.ZERO)).isPresent();
  }

  @Test
  void aRefusedTokenIsALockErrorThatDoesNotShowIt() {
    String wrong = "0000-wrong-token-0000";
    assertThatThrownBy(() -> lock("token", wrong).acquire(Duration.ZERO))
        .isInstanceOf(LockException.class)
        .hasMessageContaining("HTTP 403")
        .hasMessageNotContaining(wrong)
        .hasMessageNotContaining(TOKEN);
  }
}
