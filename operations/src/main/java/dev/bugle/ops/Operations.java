package dev.bugle.ops;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.Schedule;
import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.NodeState;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code bugle run} adds to a node: the listeners (status model, metrics) to register before it runs, then,
 * when {@code bugle.http.port} is set, the lock watcher and the HTTP server, until closed. The operations keys and
 * the schedules that get their own metric series are read once, at creation; a reload does not change them.
 *
 * <pre>{@code
 * try (Operations ops = Operations.create(config, InstantSource.system())) {
 *   ops.listeners().forEach(bugle::addListener);
 *   ops.start(NodeView.of(bugle));
 *   bugle.run();
 * }
 * }</pre>
 */
public final class Operations implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

  private final InstantSource clock;
  private final OpsSettings settings;
  private final StatusModel model = new StatusModel();
  private final PrometheusMeterRegistry registry;
  private final MetricsListener metrics;
  private LockWatcher watcher;
  private OpsServer server;

  private Operations(BugleConfig config, InstantSource clock) {
    this.clock = clock;
    this.settings = OpsSettings.from(config);
    // Without a server nobody reads the model or the meters: build neither, so a plain bugle run starts as fast.
    boolean serving = settings.port().isPresent();
    this.registry = serving ? Metrics.prometheus() : null;
    this.metrics = serving ? new MetricsListener(registry, config.schedules().stream().map(Schedule::name).toList(),
        settings.scheduleSeries()) : null;
  }

  /** Reads the operations keys (a bad one is a {@code ConfigException}) and builds the listeners. */
  public static Operations create(BugleConfig config, InstantSource clock) {
    return new Operations(config, clock);
  }

  /** The listeners to add to the node: none when {@code bugle.http.port} is unset. */
  public List<BugleListener> listeners() {
    return metrics == null ? List.of() : List.of(model, metrics);
  }

  /** Starts the server when {@code bugle.http.port} is set, and logs its URL. */
  public void start(NodeView node) {
    if (settings.port().isEmpty()) {
      return;
    }
    watcher = new LockWatcher(() -> node.parts().lock(), clock, () -> node.state() == NodeState.LEADING);
    watcher.start();
    StatusService service = new StatusService(model, node, watcher, settings, clock);
    server = OpsServer.start(settings.bind(), settings.port().getAsInt(), service, registry);
    String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
    LOG.info("http: status page and metrics at http://{}:{}/ (bind {})", host, server.port(), settings.bind());
  }

  /** The server's port, or -1 without a server. */
  public int port() {
    return server == null ? -1 : server.port();
  }

  public StatusModel model() {
    return model;
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    if (watcher != null) {
      watcher.close();
    }
    if (registry != null) {
      registry.close();
    }
  }
}
