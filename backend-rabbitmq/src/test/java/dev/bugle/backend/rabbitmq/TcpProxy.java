package dev.bugle.backend.rabbitmq;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small TCP proxy on a free loopback port in front of the shared RabbitMQ, so a test can take "the broker"
 * away from one enqueuer without stopping the broker other builds use. {@link #cut()} drops every connection
 * and refuses new ones until {@link #restore()}; {@link #holdReplies(boolean)} stops forwarding the broker's
 * bytes (so confirms never arrive) without closing anything.
 */
final class TcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "tcp-proxy");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean up = true;
  private volatile boolean holding;

  TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  /** The broker "goes away": open connections are dropped, new ones are closed at once. */
  void cut() {
    up = false;
    for (Socket s : sockets) {
      closeQuietly(s);
    }
    sockets.clear();
  }

  /** The broker "is back". */
  void restore() {
    up = true;
  }

  /** While true, bytes from the broker are held back (the client hears nothing, not even a close). */
  void holdReplies(boolean hold) {
    holding = hold;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (!up) {
          closeQuietly(client);
          continue;
        }
        Socket broker = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(broker);
        threads.submit(() -> pump(client, broker, false));
        threads.submit(() -> pump(broker, client, true));
      } catch (IOException e) {
        // server closed, or the broker refused: the client sees its connection close
      }
    }
  }

  private void pump(Socket from, Socket to, boolean fromBroker) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        while (fromBroker && holding && up) {
          Thread.sleep(5);
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // a side closed
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    cut();
    threads.shutdownNow();
  }
}
