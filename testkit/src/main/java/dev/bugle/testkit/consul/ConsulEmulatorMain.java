package dev.bugle.testkit.consul;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar testkit/target/consul-emulator.jar [--port 8500] [--bind 127.0.0.1] [--min-ttl 10s]
 * [--node NAME] [--acl-token TOKEN]}: runs the emulator until killed.
 */
public final class ConsulEmulatorMain {
  private ConsulEmulatorMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    EmulatorOptions options = EmulatorOptions.defaults().withPort(8500);
    try {
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--help") || flag.equals("-h")) {
          usage(0);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        String v = args[++i];
        options = switch (flag) {
          case "--port" -> options.withPort(Integer.parseInt(v));
          case "--bind" -> options.withBindAddress(v);
          case "--min-ttl" -> options.withMinSessionTtl(Duration.ofNanos(GoDuration.parse(v)));
          case "--node" -> options.withNodeName(v);
          case "--acl-token" -> options.withAclToken(v);
          default -> throw new IllegalArgumentException("unknown flag " + flag);
        };
      }
    } catch (IllegalArgumentException e) {
      System.err.println("consul-emulator: " + e.getMessage());
      usage(2);
    }
    ConsulEmulator emulator = ConsulEmulator.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }));
    System.out.println("consul-emulator listening on " + emulator.address() + " (session_ttl_min="
        + GoDuration.format(options.minSessionTtl().toNanos()) + ", node=" + options.nodeName() + ")");
    System.out.flush();
    stopped.await();
  }

  private static void usage(int code) {
    System.err.println("usage: java -jar consul-emulator.jar [--port 8500] [--bind 127.0.0.1] [--min-ttl 10s]"
        + " [--node consul-emulator] [--acl-token TOKEN]");
    System.exit(code);
  }
}
