package dev.bugle.backend.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Method;
import com.rabbitmq.client.ShutdownSignalException;
import dev.bugle.core.EnqueueException;
import dev.bugle.core.Secrets;
import java.util.List;

/**
 * The {@link EnqueueException}s of one enqueuer, each saying what failed, where (the URI with its password
 * masked) and what to check. All are retryable: the scheduler re-sends with the same ids while the fire is in
 * its window, so a broker outage or a queue that is bound a little later costs a retry, not a job.
 */
final class Failures {
  private static final int MAX_IDS = 5;
  private final ConnectionSettings settings;

  Failures(ConnectionSettings settings) {
    this.settings = settings;
  }

  EnqueueException connect(Exception e) {
    return new EnqueueException("cannot connect to RabbitMQ at " + settings.uri() + " (" + settings.key("uri")
        + "): " + reason(e), e);
  }

  EnqueueException recovering(ShutdownSignalException why) {
    return new EnqueueException("the connection to RabbitMQ at " + settings.uri() + " is down ("
        + (why == null ? "closed" : reason(why)) + "); it is recovered automatically every "
        + settings.recoveryInterval().toMillis() + "ms (" + settings.key("recovery-interval") + ")", why);
  }

  EnqueueException channel(Exception e) {
    return new EnqueueException("cannot open a channel on RabbitMQ at " + settings.uri() + ": " + reason(e), e);
  }

  EnqueueException declare(Declaration d, Exception e) {
    return new EnqueueException("declaring " + d + " on RabbitMQ at " + settings.uri() + " failed: " + reason(e)
        + ". A 406 PRECONDITION_FAILED means it exists with other properties: declare it the same way, or turn"
        + " declaring off (see the declare settings under " + settings.prefix() + ")", e);
  }

  EnqueueException publish(int count, Exception e) {
    return new EnqueueException("publishing " + count + " message(s) to RabbitMQ at " + settings.uri()
        + " failed: " + reason(e) + "; any of them may or may not be enqueued", e);
  }

  EnqueueException interrupted(int count, InterruptedException e) {
    return new EnqueueException("interrupted while waiting for the confirms of " + count + " message(s) sent to "
        + settings.uri() + "; any of them may or may not be enqueued", e);
  }

  EnqueueException closed() {
    return new EnqueueException("this RabbitMQ enqueuer (" + settings.prefix() + "*) is closed", null, false);
  }

  /** Why a batch was not fully confirmed: returned (unroutable), nacked, lost with the channel, or timed out. */
  EnqueueException unconfirmed(ConfirmTracker.Result r) {
    StringBuilder m = new StringBuilder("RabbitMQ at ").append(settings.uri()).append(" did not accept ");
    m.append(r.sent() == 1 ? "the message" : "every one of " + r.sent() + " messages").append(':');
    if (!r.returned().isEmpty()) {
      m.append(" unroutable (returned, mandatory flag): ").append(list(r.returned()))
          .append("; no queue is bound for that routing key: declare and bind the queue, or correct the"
              + " exchange/routing-key settings under ").append(settings.prefix()).append("*.");
    }
    if (!r.nacked().isEmpty()) {
      m.append(" refused with a nack: jobs ").append(list(r.nacked()))
          .append(" (for example a queue at its x-max-length with x-overflow=reject-publish).");
    }
    if (r.shutdown() != null) {
      m.append(" the channel closed before jobs ").append(list(r.unconfirmed())).append(" were confirmed: ")
          .append(reason(r.shutdown())).append('.');
    } else if (!r.unconfirmed().isEmpty()) {
      m.append(" no publisher confirm within ").append(settings.confirmTimeout().toMillis()).append("ms (")
          .append(settings.key("confirm-timeout")).append(") for jobs ").append(list(r.unconfirmed())).append('.');
    }
    return new EnqueueException(m.toString(), r.shutdown());
  }

  private static String list(List<String> items) {
    String shown = String.join(", ", items.subList(0, Math.min(MAX_IDS, items.size())));
    return items.size() <= MAX_IDS ? "[" + shown + "]" : "[" + shown + " and " + (items.size() - MAX_IDS) + " more]";
  }

  /** The broker's words ("404 NOT_FOUND - no exchange 'x' in vhost '/'") or the exception's, masked. */
  static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ShutdownSignalException s) {
        Method method = s.getReason();
        if (method instanceof AMQP.Channel.Close c) {
          return c.getReplyCode() + " " + c.getReplyText();
        }
        if (method instanceof AMQP.Connection.Close c) {
          return c.getReplyCode() + " " + c.getReplyText();
        }
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = describe(e) + (root == e ? "" : " (" + describe(root) + ")");
    return Secrets.maskUrls(text);
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
