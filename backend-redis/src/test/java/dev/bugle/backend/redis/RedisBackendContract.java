package dev.bugle.backend.redis;

import dev.bugle.spi.Enqueuer;
import dev.bugle.testkit.BackendEnqueuerContract;

/**
 * The backend contract's hooks that are the same for every Redis format: wrong credentials in the URL, the
 * server's port, and an enqueuer at another port (a proxy's). Each format says how to make its enqueuer.
 */
abstract class RedisBackendContract extends BackendEnqueuerContract {

  /** This format's enqueuer on {@code url}, with more settings as key, value pairs. */
  protected abstract Enqueuer create(String url, String... more);

  @Override
  protected Misconfigured newEnqueuerWithWrongCredentials() {
    String secret = RedisIt.unique("wrong");
    return new Misconfigured(create(RedisIt.wrongUserUrl(secret)), "bugle.enqueuer.test.redis-url", secret);
  }

  @Override
  protected int backendPort() {
    return RedisIt.PORT;
  }

  @Override
  protected Enqueuer newEnqueuerAt(int port) {
    return create("redis://127.0.0.1:" + port + "/0", "connect-timeout", "1s", "timeout", "2s");
  }
}
