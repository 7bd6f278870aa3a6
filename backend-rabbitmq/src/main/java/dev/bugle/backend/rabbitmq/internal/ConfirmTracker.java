package dev.bugle.backend.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.ReturnListener;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Follows one channel's publisher confirms, returned (unroutable) messages and shutdown for the batch in
 * flight. The broker sends a mandatory message's {@code basic.return} before its {@code basic.ack}, on the
 * same channel and in order, so once every message of a batch is confirmed its returns are known.
 */
final class ConfirmTracker implements ConfirmListener, ReturnListener, ShutdownListener {
  private final NavigableMap<Long, String> pending = new TreeMap<>();
  private final List<String> nacked = new ArrayList<>();
  private final List<String> returned = new ArrayList<>();
  private final List<String> returnedIds = new ArrayList<>();
  private ShutdownSignalException shutdown;
  private int sent;

  /**
   * Forgets the previous batch (late confirms of it, with lower sequence numbers, are then ignored) and any
   * earlier shutdown: call it with the channel open, which after an automatic recovery is the same channel.
   */
  synchronized void begin() {
    shutdown = null;
    pending.clear();
    nacked.clear();
    returned.clear();
    returnedIds.clear();
    sent = 0;
  }

  /** Records that the message with publish sequence number {@code seqNo} carries job {@code jobId}. */
  synchronized void sent(long seqNo, String jobId) {
    pending.put(seqNo, jobId);
    sent++;
  }

  @Override
  public synchronized void handleAck(long seqNo, boolean multiple) {
    settle(seqNo, multiple, null);
  }

  @Override
  public synchronized void handleNack(long seqNo, boolean multiple) {
    settle(seqNo, multiple, nacked);
  }

  private void settle(long seqNo, boolean multiple, List<String> into) {
    NavigableMap<Long, String> done = multiple ? pending.headMap(seqNo, true) : pending.subMap(seqNo, true, seqNo, true);
    if (into != null) {
      into.addAll(done.values());
    }
    done.clear();
    notifyAll();
  }

  @Override
  public synchronized void handleReturn(int replyCode, String replyText, String exchange, String routingKey,
      AMQP.BasicProperties properties, byte[] body) {
    String id = properties.getMessageId() != null ? properties.getMessageId() : properties.getCorrelationId();
    returnedIds.add(id);
    returned.add("job " + id + " to " + OutgoingMessage.destination(exchange, routingKey) + " (" + replyCode + " "
        + replyText + ")");
  }

  @Override
  public synchronized void shutdownCompleted(ShutdownSignalException cause) {
    shutdown = cause;
    notifyAll();
  }

  /** Waits until every message of the batch is confirmed, the channel shuts down, or {@code timeout} passes. */
  synchronized Result await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long left;
    while (!pending.isEmpty() && shutdown == null && (left = deadline - System.nanoTime()) > 0) {
      long ms = Math.max(1, left / 1_000_000);
      wait(ms);
    }
    return new Result(sent, List.copyOf(pending.values()), List.copyOf(nacked), List.copyOf(returned),
        List.copyOf(returnedIds), pending.isEmpty() ? null : shutdown);
  }

  /**
   * What became of a batch.
   *
   * @param unconfirmed ids of jobs with no confirm yet (timed out, or lost with the channel)
   * @param returned what became of each returned message, for messages
 * @param returnedIds the ids of the returned (unroutable) jobs
 * @param shutdown why the channel closed while confirms were outstanding, or null
   */
  record Result(int sent, List<String> unconfirmed, List<String> nacked, List<String> returned,
      List<String> returnedIds, ShutdownSignalException shutdown) {

    boolean ok() {
      return unconfirmed.isEmpty() && nacked.isEmpty() && returned.isEmpty();
    }
  }
}
