package dev.bugle.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.internal.local.LocalLockProvider;
import dev.bugle.core.internal.log.LogEnqueuerProvider;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.spi.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link Components#open()} and {@link Components#close()} with a backend that hangs (README "Shutdown bounds"). */
class ComponentsBoundsTest {
  private static final Set<String> CLOSED = ConcurrentHashMap.newKeySet();

  @TempDir
  Path dir;

  /** An enqueuer whose {@code open} or {@code close} (setting {@code hang}) never returns. */
  static final class HangingProvider implements EnqueuerProvider {
    @Override
    public String type() {
      return "hanging";
    }

    @Override
    public Enqueuer create(Settings settings) {
      String hang = settings.string("hang", "none", "close");
      String name = settings.prefix();
      return new Enqueuer() {
        @Override
        public void enqueue(JobRequest job) {
        }

        @Override
        public boolean deduplicates() {
          return false;
        }

        @Override
        public void open() {
          if (hang.equals("open")) {
            sleepForever();
          }
        }

        @Override
        public void close() {
          if (hang.equals("close")) {
            sleepForever();
          }
          CLOSED.add(name);
        }
      };
    }

    private static void sleepForever() {
      while (true) {
        try {
          Thread.sleep(60_000); // as a socket read without a timeout: deaf to interrupts
        } catch (InterruptedException ignored) {
          // keep hanging
        }
      }
    }
  }

  private Components assemble(String... kv) {
    Map<String, String> props = new java.util.LinkedHashMap<>(Map.of("bugle.lock.local.dir", dir.toString(),
        "bugle.schedule.rates.cron", "0 * * * *", "bugle.schedule.rates.job", "RatesJob",
        "bugle.schedule.rates.enqueuer", "fine"));
    for (int i = 0; i < kv.length; i += 2) {
      props.put(kv[i], kv[i + 1]);
    }
    Providers p = Providers.of(Map.of("hanging", new HangingProvider(), "log", new LogEnqueuerProvider()),
        Map.of("local", new LocalLockProvider()));
    return Components.assemble(ConfigLoader.parse(props, Map.of()), p, InstantSource.system());
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // an unbounded close hangs for good
  void closeGivesUpOnAHungEnqueuerAfterTheSharedBoundAndClosesTheOthers() {
    Components c = assemble("bugle.enqueuer.stuck.type", "hanging", "bugle.enqueuer.stuck.hang", "close",
        "bugle.enqueuer.fine.type", "hanging");
    long start = System.nanoTime();
    c.close();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isGreaterThanOrEqualTo(Components.CLOSE_BOUND.minusMillis(50))
        .isLessThan(Components.CLOSE_BOUND.plusMillis(500));
    assertThat(CLOSED).contains("bugle.enqueuer.fine.").doesNotContain("bugle.enqueuer.stuck.");
  }

  @Test
  void closeReturnsAtOnceWhenNothingHangs() {
    Components c = assemble("bugle.enqueuer.fine.type", "hanging");
    long start = System.nanoTime();
    c.close();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
  }

  @Test
  void anInterruptEndsAnOpenThatHangs() throws Exception {
    Components c = assemble("bugle.enqueuer.fine.type", "hanging", "bugle.enqueuer.fine.hang", "open");
    AtomicReference<Throwable> ended = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Thread opener = new Thread(() -> {
      try {
        c.open();
      } catch (Throwable e) {
        ended.set(e);
      }
      done.countDown();
    });
    opener.start();
    Thread.sleep(200);
    assertThat(opener.isAlive()).as("open waits for the hung backend").isTrue();
    long interrupted = System.nanoTime();
    opener.interrupt();

    assertThat(done.await(5, TimeUnit.SECONDS)).as("open ended by the interrupt").isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - interrupted)).isLessThan(Duration.ofMillis(500));
    assertThat(ended.get()).isInstanceOf(InterruptedException.class);
    c.close();
  }
}
