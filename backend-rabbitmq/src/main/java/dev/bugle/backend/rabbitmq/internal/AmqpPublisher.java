package dev.bugle.backend.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import dev.bugle.core.EnqueueException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publishing core both RabbitMQ enqueuers share. It connects on first use (with amqp-client's automatic
 * connection recovery), keeps one channel in confirm mode, declares each message's topology once per channel,
 * publishes a whole batch with the {@code mandatory} flag and then waits for all its confirms. Anything short
 * of "every message acked and none returned" is an {@link EnqueueException}.
 */
public final class AmqpPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AmqpPublisher.class);
  private final ConnectionSettings settings;
  private final AmqpFailures failures;
  private final Set<Declaration> declared = new HashSet<>();
  /** How long {@link #close()} waits for the broker's close-ok before it drops the socket. */
  static final int CLOSE_MILLIS = 500;
  private volatile Connection connection;
  private Channel channel;
  private ConfirmTracker tracker;
  private volatile boolean closed;

  /** Does not connect. */
  public AmqpPublisher(ConnectionSettings settings) {
    this.settings = settings;
    this.failures = new AmqpFailures(settings);
  }

  /**
   * Connects now, for {@code Enqueuer.open()}: a login or virtual host the broker refuses is a
   * {@link dev.bugle.core.ConfigException} naming the key; an outage is only logged, and the first publish
   * connects again.
   */
  public synchronized void open() {
    if (closed) {
      return;
    }
    try {
      openChannel();
    } catch (EnqueueException e) {
      if (!e.retryable()) {
        throw failures.atStartUp(e);
      }
      LOG.warn("RabbitMQ is not reachable at start-up; enqueues will retry: {}", e.getMessage());
    }
  }

  /** Publishes every message, then returns once the broker has confirmed them all. */
  public synchronized void publish(List<OutgoingMessage> messages) throws EnqueueException {
    if (messages.isEmpty()) {
      return;
    }
    if (closed) {
      throw failures.closed();
    }
    Channel ch = openChannel();
    declare(ch, messages);
    ConfirmTracker t = tracker;
    t.begin();
    try {
      for (OutgoingMessage m : messages) {
        t.sent(ch.getNextPublishSeqNo(), m.jobId());
        ch.basicPublish(m.exchange(), m.routingKey(), true, m.properties(), m.body());
      }
    } catch (IOException | ShutdownSignalException e) {
      throw failures.publish(messages.size(), e);
    }
    ConfirmTracker.Result result;
    try {
      result = t.await(settings.confirmTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failures.interrupted(messages.size(), e);
    }
    if (!result.ok()) {
      throw failures.unconfirmed(result);
    }
  }

  private Channel openChannel() {
    if (channel != null && channel.isOpen()) {
      return channel;
    }
    if (connection != null && !connection.isOpen()) {
      // amqp-client is recovering it; a second connection would race the recovery.
      throw failures.recovering(connection.getCloseReason());
    }
    if (connection == null) {
      Connection c = connect();
      connection = c;
      if (closed) { // close() ran while this connected, and did not see it
        connection = null;
        c.abort(CLOSE_MILLIS);
        throw failures.closed();
      }
    }
    try {
      Channel ch = connection.createChannel();
      if (ch == null) {
        throw new IOException("the broker's channel-max is reached");
      }
      ConfirmTracker t = new ConfirmTracker();
      ch.addConfirmListener(t);
      ch.addReturnListener(t);
      ch.addShutdownListener(t);
      ch.confirmSelect();
      channel = ch;
      tracker = t;
      declared.clear();
      return ch;
    } catch (IOException | ShutdownSignalException e) {
      throw failures.channel(e);
    }
  }

  private Connection connect() {
    try {
      Connection c = settings.factory().newConnection(settings.connectionName());
      if (c instanceof Recoverable r) {
        r.addRecoveryListener(new RecoveryLog());
      }
      LOG.info("connected to RabbitMQ at {} as '{}'", settings.uri(), settings.connectionName());
      return c;
    } catch (IOException | TimeoutException | GeneralSecurityException e) {
      throw failures.connect(e);
    }
  }

  private void declare(Channel ch, List<OutgoingMessage> messages) {
    for (OutgoingMessage m : messages) {
      for (Declaration d : m.declarations()) {
        if (!declared.contains(d)) {
          try {
            d.apply(ch);
          } catch (IOException | ShutdownSignalException e) {
            throw failures.declare(d, e);
          }
          declared.add(d);
        }
      }
    }
  }

  /**
   * Closes the connection (stopping any recovery), waiting at most {@link #CLOSE_MILLIS} for the broker's close-ok,
   * then dropping the socket. Not synchronized with {@link #publish}: a publish that waits for a confirm from a
   * broker that stopped answering must not hold up the close, which ends that publish with an error at once.
   * Never throws.
   */
  @Override
  public void close() {
    closed = true;
    Connection c = connection;
    connection = null;
    if (c != null) {
      c.abort(CLOSE_MILLIS);
    }
  }

  private final class RecoveryLog implements RecoveryListener {
    @Override
    public void handleRecoveryStarted(Recoverable recoverable) {
      LOG.warn("connection to RabbitMQ at {} lost; recovering every {}ms", settings.uri(),
          settings.recoveryInterval().toMillis());
    }

    @Override
    public void handleRecovery(Recoverable recoverable) {
      LOG.info("connection to RabbitMQ at {} recovered", settings.uri());
    }
  }
}
