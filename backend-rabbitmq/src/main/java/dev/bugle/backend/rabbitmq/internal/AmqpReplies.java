package dev.bugle.backend.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Method;
import com.rabbitmq.client.ShutdownSignalException;
import dev.bugle.core.Secrets;
import dev.bugle.support.FailureKind;
import dev.bugle.support.Failures;

/** What amqp-client's exceptions say: the broker's reply code and words, and so the {@link FailureKind}. */
final class AmqpReplies {
  private AmqpReplies() {
  }

  /** What kind of failure: a login refused, the broker's reply code, or what the network said. */
  static FailureKind kind(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AuthenticationFailureException) {
        return FailureKind.CREDENTIALS;
      }
      int code = replyCode(t);
      if (code > 0) {
        return Failures.ofAmqpReplyCode(code);
      }
    }
    return Failures.of(e);
  }

  /** The reply code of a {@code channel.close} or {@code connection.close}, or 0. */
  private static int replyCode(Throwable t) {
    if (t instanceof ShutdownSignalException s) {
      Method method = s.getReason();
      if (method instanceof AMQP.Channel.Close c) {
        return c.getReplyCode();
      }
      if (method instanceof AMQP.Connection.Close c) {
        return c.getReplyCode();
      }
    }
    return 0;
  }

  /** The broker's words ("404 NOT_FOUND - no exchange 'x' in vhost '/'") or the exception's, masked. */
  static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ShutdownSignalException s && replyCode(s) > 0) {
        Method method = s.getReason();
        String text = method instanceof AMQP.Channel.Close c ? c.getReplyText()
            : ((AMQP.Connection.Close) method).getReplyText();
        return Secrets.maskUrls(replyCode(s) + " " + text);
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
