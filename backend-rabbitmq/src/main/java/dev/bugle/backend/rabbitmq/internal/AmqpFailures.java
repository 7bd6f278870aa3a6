package dev.bugle.backend.rabbitmq.internal;

import static dev.bugle.backend.rabbitmq.internal.AmqpReplies.kind;
import static dev.bugle.backend.rabbitmq.internal.AmqpReplies.reason;

import com.rabbitmq.client.ShutdownSignalException;
import dev.bugle.core.ConfigException;
import dev.bugle.core.EnqueueException;
import dev.bugle.support.FailureKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The {@link EnqueueException}s of one enqueuer, each saying what failed, where (the URI with its password
 * masked) and what to check. Retryable or not as {@link AmqpReplies#kind} says for the broker's reply code
 * (403, 404, 406 and 530 are permanent), else as for any network failure: a broker outage, a message returned
 * unroutable or nacked costs a retry, not a job.
 */
final class AmqpFailures {
  private static final int MAX_IDS = 5;
  private final ConnectionSettings settings;

  AmqpFailures(ConnectionSettings settings) {
    this.settings = settings;
  }

  EnqueueException connect(Exception e) {
    return new EnqueueException("cannot connect to RabbitMQ at " + settings.uri() + " (" + settings.key("uri")
        + "): " + reason(e), e, kind(e).retryable());
  }

  /** For {@code open()}: the configuration mistake behind a permanent failure to connect, naming the key. */
  ConfigException atStartUp(EnqueueException failure) {
    FailureKind kind = kind(failure.getCause());
    String key = settings.key(kind == FailureKind.CREDENTIALS && settings.passwordSetting() ? "password" : "uri");
    String what = switch (kind) {
      case CREDENTIALS -> "refused the login of user '" + settings.uri().username() + "'";
      case MISSING -> "refused the virtual host '" + settings.uri().virtualHost() + "' (missing, or not permitted"
          + " for user '" + settings.uri().username() + "')";
      default -> "refused the connection";
    };
    return new ConfigException(key, "RabbitMQ at " + settings.uri() + " " + what + ": " + reason(failure.getCause())
        + ". Correct the user, password and virtual host in " + settings.key("uri") + " (the password may come from "
        + settings.key("password") + "); for example: " + settings.key("uri")
        + "=amqp://shop:${RABBITMQ_PASSWORD}@rabbit.internal:5672/shop", failure);
  }

  EnqueueException recovering(ShutdownSignalException why) {
    return new EnqueueException("the connection to RabbitMQ at " + settings.uri() + " is down ("
        + (why == null ? "closed" : reason(why)) + "); it is recovered automatically every "
        + settings.recoveryInterval().toMillis() + "ms (" + settings.key("recovery-interval") + ")", why,
        why == null || kind(why).retryable());
  }

  EnqueueException channel(Exception e) {
    return new EnqueueException("cannot open a channel on RabbitMQ at " + settings.uri() + ": " + reason(e), e,
        kind(e).retryable());
  }

  EnqueueException declare(Declaration d, Exception e) {
    return new EnqueueException("declaring " + d + " on RabbitMQ at " + settings.uri() + " failed: " + reason(e)
        + ". A 406 PRECONDITION_FAILED means it exists with other properties: declare it the same way, or turn"
        + " declaring off (see the declare settings under " + settings.prefix() + ")", e, kind(e).retryable());
  }

  EnqueueException publish(int count, Exception e) {
    return new EnqueueException("publishing " + count + " message(s) to RabbitMQ at " + settings.uri()
        + " failed: " + reason(e) + "; any of them may or may not be enqueued", e, kind(e).retryable());
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
    Set<UUID> failed = new HashSet<>(); // every job without an ack: the others are enqueued, and committed
    r.unconfirmed().forEach(id -> failed.add(UUID.fromString(id)));
    r.nacked().forEach(id -> failed.add(UUID.fromString(id)));
    r.returnedIds().forEach(id -> failed.add(UUID.fromString(id)));
    return new EnqueueException(m.toString(), r.shutdown(), r.shutdown() == null || kind(r.shutdown()).retryable(),
        failed);
  }

  private static String list(List<String> items) {
    String shown = String.join(", ", items.subList(0, Math.min(MAX_IDS, items.size())));
    return items.size() <= MAX_IDS ? "[" + shown + "]" : "[" + shown + " and " + (items.size() - MAX_IDS) + " more]";
  }
}
