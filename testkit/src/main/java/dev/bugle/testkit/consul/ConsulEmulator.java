package dev.bugle.testkit.consul;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An emulator of Consul's HTTP API (sessions, KV, blocking queries, KV transactions) for tests and demos, in
 * process ({@code try (ConsulEmulator consul = ConsulEmulator.start()) { consul.address() … }}) or standalone
 * ({@code java -jar testkit/target/consul-emulator.jar --port 8500}).
 */
public final class ConsulEmulator implements AutoCloseable {
  private static final long SWEEP_MILLIS = 10;

  static {
    // Consul (Go) answers with TCP_NODELAY; without it the JDK server's separate header and body writes meet
    // the client's delayed ACK and every call takes 40 ms more. Read once, when the JDK server first starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }
  private final ConsulStore store;
  private final HttpServer server;
  private final ExecutorService workers;
  private final ScheduledExecutorService sweeper;
  private final Router router;

  private ConsulEmulator(EmulatorOptions options) throws IOException {
    this.store = new ConsulStore(options);
    this.server = HttpServer.create(new InetSocketAddress(options.bindAddress(), options.port()), 128);
    this.workers = Executors.newCachedThreadPool(daemon("consul-emulator-http"));
    this.sweeper = Executors.newSingleThreadScheduledExecutor(daemon("consul-emulator-ttl"));
    server.setExecutor(workers);
    this.router = new Router(store, options.aclToken());
    server.createContext("/", router);
    server.start();
    sweeper.scheduleWithFixedDelay(store::expireSessions, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** An emulator on a free port of 127.0.0.1 with Consul's defaults. */
  public static ConsulEmulator start() {
    return start(EmulatorOptions.defaults());
  }

  public static ConsulEmulator start(EmulatorOptions options) {
    try {
      return new ConsulEmulator(options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + options.bindAddress() + ":" + options.port(), e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL, such as {@code http://127.0.0.1:8500}. */
  public String address() {
    return "http://" + server.getAddress().getHostString() + ":" + port();
  }

  /** The state, for tests that need to act like Consul itself (invalidate a session, read a key). */
  public ConsulStore store() {
    return store;
  }

  /** How many HTTP requests arrived so far: tests use it to show that a client does not poll. */
  public long requestCount() {
    return router.requests();
  }

  /** Stops listening at once; open connections are dropped as when a Consul agent dies. */
  @Override
  public void close() {
    sweeper.shutdownNow();
    server.stop(0);
    workers.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
