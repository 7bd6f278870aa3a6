package dev.bugle.backend.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The shared RabbitMQ on 127.0.0.1:5672 as the tests see it: a raw amqp-client connection to read back what the
 * enqueuers published (with {@code basicGet}) and to clean up. Names are unique per run, because other builds
 * use the same broker at the same time.
 */
final class RabbitBroker implements AutoCloseable {
  static final String URI = "amqp://guest:guest@127.0.0.1:5672/%2F";
  private final Connection connection;
  private final Channel channel;
  private final Map<String, Integer> seen = new HashMap<>();

  RabbitBroker() {
    try {
      ConnectionFactory f = new ConnectionFactory();
      f.setUri(URI);
      f.setConnectionTimeout(5000);
      connection = f.newConnection("bugle-tests");
      channel = connection.createChannel();
    } catch (Exception e) {
      throw new AssertionError("RabbitMQ is not reachable at 127.0.0.1:5672 (guest/guest): " + e
          + ". Install and start it with: scripts/services rabbitmq", e);
    }
  }

  static String uniqueName(String what) {
    return "bugle-it-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A port on 127.0.0.1 where nothing listens. */
  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  Channel channel() {
    return channel;
  }

  /** Takes every message now in {@code queue} (acknowledging it). */
  List<GetResponse> drain(String queue) throws IOException {
    List<GetResponse> all = new ArrayList<>();
    for (GetResponse r = channel.basicGet(queue, true); r != null; r = channel.basicGet(queue, true)) {
      all.add(r);
    }
    return all;
  }

  /** How many messages with this id have arrived in {@code queue} so far, reading it with {@code idOf}. */
  int count(String queue, String id, Function<GetResponse, String> idOf) throws IOException {
    for (GetResponse r : drain(queue)) {
      seen.merge(idOf.apply(r), 1, Integer::sum);
    }
    return seen.getOrDefault(id, 0);
  }

  static String celeryTaskId(GetResponse r) {
    return String.valueOf(r.getProps().getHeaders().get("id"));
  }

  static String messageId(GetResponse r) {
    return r.getProps().getMessageId();
  }

  void deleteQueues(String... queues) throws IOException {
    for (String q : queues) {
      channel.queueDelete(q);
    }
  }

  void deleteExchanges(String... exchanges) throws IOException {
    for (String e : exchanges) {
      channel.exchangeDelete(e);
    }
  }

  @Override
  public void close() throws IOException, TimeoutException {
    connection.close(5000);
  }
}
