package dev.bugle.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import dev.bugle.spi.Enqueuer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link EnqueuerContract} plus the failure rules of an enqueuer that talks to a server (docs/architecture.md,
 * "Failure classification"), which every backend's contract test extends: a permanent mistake stops start-up
 * ({@link Enqueuer#open()} throws a {@link ConfigException} naming the key, without the secret), an outage does
 * not (open() only logs it, enqueues fail retryably) and, once the server is back, the next send works. The
 * outage is a {@link TcpProxy} in front of the real server that refuses, hangs, and comes back.
 */
public abstract class BackendEnqueuerContract extends EnqueuerContract {
  /** How long a send may keep failing after the backend came back (reconnecting, a pool's back-off). */
  protected static final Duration COME_BACK = Duration.ofSeconds(30);

  /**
   * A wrong setting: the enqueuer holding it, the full key {@code open()} must name, and the secret (or wrong
   * value) that no message may show.
   */
  public record Misconfigured(Enqueuer enqueuer, String key, String secret) {
  }

  /** An enqueuer whose backend is up but refuses its credentials (a wrong password, a user that does not exist). */
  protected abstract Misconfigured newEnqueuerWithWrongCredentials();

  /** The real backend's port on 127.0.0.1, for a {@link TcpProxy} in front of it. */
  protected abstract int backendPort();

  /**
   * As {@link #newEnqueuer()}, but connecting to 127.0.0.1:{@code port}, with connect and read timeouts of a few
   * seconds so that a backend that hangs fails the send instead of blocking it.
   */
  protected abstract Enqueuer newEnqueuerAt(int port);

  /** Fails the test (never skips it) when the real backend is not there, naming what starts it. */
  protected void requireBackend() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backendPort()), 2000);
    } catch (IOException e) {
      fail("nothing listens on 127.0.0.1:" + backendPort() + ", the backend of " + getClass().getSimpleName()
          + " (" + e + "); install and start it with scripts/services");
    }
  }

  @Test
  void wrongCredentialsStopStartUpNamingTheKeyButNotTheSecret() {
    requireBackend();
    Misconfigured wrong = newEnqueuerWithWrongCredentials();
    try (Enqueuer broken = wrong.enqueuer()) {
      ConfigException e = catchThrowableOfType(ConfigException.class, broken::open);
      assertThat(e).as("open() with wrong credentials").isNotNull();
      assertThat(e.key()).isEqualTo(wrong.key());
      assertThat(e.getMessage()).doesNotContain(wrong.secret());
    }
  }

  @Test
  void refusingBackendIsRetryableAndTheSendWorksOnceItIsBack() throws Exception {
    requireBackend();
    try (TcpProxy proxy = new TcpProxy(backendPort())) {
      proxy.cut();
      try (Enqueuer target = newEnqueuerAt(proxy.port())) {
        assertThatCode(target::open).as("open() while the backend refuses").doesNotThrowAnyException();
        JobRequest job = newJob();
        EnqueueException e = catchThrowableOfType(EnqueueException.class, () -> target.enqueue(job));
        assertThat(e).as("enqueue while the backend refuses").isNotNull();
        assertThat(e.retryable()).as("retryable: %s", e.getMessage()).isTrue();
        proxy.restore();
        sendRetrying(target, job, COME_BACK);
        assertArrived(target, job);
      }
    }
  }

  @Test
  void hangingBackendIsRetryableAndTheSendWorksOnceItAnswers() throws Exception {
    requireBackend();
    try (TcpProxy proxy = new TcpProxy(backendPort())) {
      proxy.holdReplies(true);
      try (Enqueuer target = newEnqueuerAt(proxy.port())) {
        assertThatCode(target::open).as("open() while the backend hangs").doesNotThrowAnyException();
        JobRequest job = newJob();
        EnqueueException e = catchThrowableOfType(EnqueueException.class, () -> target.enqueue(job));
        assertThat(e).as("enqueue while the backend hangs").isNotNull();
        assertThat(e.retryable()).as("retryable: %s", e.getMessage()).isTrue();
        proxy.holdReplies(false);
        sendRetrying(target, job, COME_BACK);
        assertArrived(target, job);
      }
    }
  }

  private void assertArrived(Enqueuer target, JobRequest job) throws Exception {
    int times = timesEnqueued(job);
    if (target.deduplicates()) {
      assertThat(times).as("times %s arrived", job.id()).isEqualTo(1);
    } else {
      assertThat(times).as("times %s arrived", job.id()).isPositive();
    }
  }
}
