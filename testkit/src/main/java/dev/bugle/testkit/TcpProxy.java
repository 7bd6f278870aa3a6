package dev.bugle.testkit;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small TCP proxy on a free loopback port in front of a shared server (RabbitMQ, Redis), so a test can take "the
 * server" away from one client without stopping the server other builds use. {@link #cut()} drops every
 * connection and refuses new ones until {@link #restore()}; {@link #cutAfter(long)} does so in the middle of the
 * client's bytes; {@link #holdReplies(boolean)} stops forwarding the server's bytes (so replies never arrive)
 * without closing anything.
 */
public final class TcpProxy implements AutoCloseable {
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
  private final AtomicLong clientBytesLeft = new AtomicLong(Long.MAX_VALUE);
  private final AtomicInteger accepted = new AtomicInteger();

  public TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(this::acceptLoop);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** How many client connections were forwarded so far (a test's sign that the client is connecting). */
  public int accepted() {
    return accepted.get();
  }

  /** The server "goes away": open connections are dropped, new ones are closed at once. */
  public void cut() {
    up = false;
    for (Socket s : sockets) {
      closeQuietly(s);
    }
    sockets.clear();
  }

  /**
   * The server goes away once it has received {@code bytes} more bytes from the clients: exactly that many are
   * forwarded, then every connection is dropped, as by {@link #cut()} (a cut in the middle of a command).
   */
  public void cutAfter(long bytes) {
    clientBytesLeft.set(bytes);
  }

  /** The server "is back". */
  public void restore() {
    clientBytesLeft.set(Long.MAX_VALUE);
    up = true;
  }

  /** While true, bytes from the server are held back (the client hears nothing, not even a close). */
  public void holdReplies(boolean hold) {
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
        accepted.incrementAndGet();
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
        int forward = fromBroker ? n : (int) Math.min(n, Math.max(0, clientBytesLeft.getAndAdd(-n)));
        out.write(buffer, 0, forward);
        out.flush();
        if (forward < n) {
          cut();
          return;
        }
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
