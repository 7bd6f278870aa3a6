package dev.bugle.testkit.consul;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How to run a {@link ConsulEmulator}.
 *
 * @param port the port to listen on; 0 picks a free one
 * @param bindAddress the address to listen on, such as {@code 127.0.0.1}
 * @param minSessionTtl Consul's {@code session_ttl_min} (10s by default; Consul's own tests use 250ms)
 * @param nodeName the agent's node name, the default {@code Node} of sessions
 * @param aclToken when set, every request must carry this token ({@code X-Consul-Token}, a bearer
 *     {@code Authorization} header or {@code ?token=}); otherwise 403
 * @param ticker the monotonic clock in nanoseconds that session TTLs and lock-delays run on
 */
public record EmulatorOptions(int port, String bindAddress, Duration minSessionTtl, String nodeName, String aclToken,
    LongSupplier ticker) {

  public EmulatorOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (minSessionTtl == null || minSessionTtl.isNegative() || minSessionTtl.isZero()) {
      throw new IllegalArgumentException("minSessionTtl must be positive, for example 10s");
    }
    if (nodeName == null || nodeName.isBlank()) {
      throw new IllegalArgumentException("nodeName must be non-blank");
    }
    aclToken = aclToken == null || aclToken.isEmpty() ? null : aclToken;
    Objects.requireNonNull(ticker, "ticker");
  }

  /** A free port on 127.0.0.1, Consul's 10s minimum TTL, no ACLs, the system's monotonic clock. */
  public static EmulatorOptions defaults() {
    return new EmulatorOptions(0, "127.0.0.1", Duration.ofSeconds(10), "consul-emulator", null, System::nanoTime);
  }

  public EmulatorOptions withPort(int newPort) {
    return new EmulatorOptions(newPort, bindAddress, minSessionTtl, nodeName, aclToken, ticker);
  }

  public EmulatorOptions withBindAddress(String address) {
    return new EmulatorOptions(port, address, minSessionTtl, nodeName, aclToken, ticker);
  }

  public EmulatorOptions withMinSessionTtl(Duration minimum) {
    return new EmulatorOptions(port, bindAddress, minimum, nodeName, aclToken, ticker);
  }

  public EmulatorOptions withNodeName(String name) {
    return new EmulatorOptions(port, bindAddress, minSessionTtl, name, aclToken, ticker);
  }

  public EmulatorOptions withAclToken(String token) {
    return new EmulatorOptions(port, bindAddress, minSessionTtl, nodeName, token, ticker);
  }

  public EmulatorOptions withTicker(LongSupplier nanoTicker) {
    return new EmulatorOptions(port, bindAddress, minSessionTtl, nodeName, aclToken, nanoTicker);
  }
}
