package dev.bugle.examples;

import dev.bugle.core.Bugle;
import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.core.ConfigLoader;
import dev.bugle.core.JobRequest;
import dev.bugle.core.Providers;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.EnqueuerProvider;
import dev.bugle.spi.Settings;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Embedding Bugle in an application: the configuration comes from code, and the jobs go to an enqueuer of the
 * application's own (here an in-memory queue). Run {@link #main} from an IDE: it prints three fires, one a
 * second, and stops. {@code EmbeddedExampleTest} runs the same code in the build.
 */
public final class EmbeddedExample {

  /** An application's own enqueuer: hands each job to an in-process queue. */
  static final class QueueEnqueuerProvider implements EnqueuerProvider {
    private final BlockingQueue<JobRequest> queue;

    QueueEnqueuerProvider(BlockingQueue<JobRequest> queue) {
      this.queue = queue;
    }

    @Override
    public String type() {
      return "in-memory";
    }

    @Override
    public Enqueuer create(Settings settings) {
      return new Enqueuer() {
        @Override
        public void enqueue(JobRequest job) {
          queue.add(job);
        }

        @Override
        public boolean deduplicates() {
          return false;
        }
      };
    }
  }

  /** Runs Bugle until {@code fires} jobs have been received, and returns them. */
  public static List<JobRequest> runUntil(int fires, String stateDir) throws InterruptedException {
    BlockingQueue<JobRequest> queue = new LinkedBlockingQueue<>();
    BugleConfig config = ConfigLoader.parse(Map.of(
        "bugle.namespace", "embedded",
        "bugle.lock.local.dir", stateDir,
        "bugle.enqueuer.app.type", "in-memory",
        "bugle.schedule.tick.every", "1s",
        "bugle.schedule.tick.job", "TickJob",
        "bugle.schedule.tick.args", "[\"hello\"]"), System.getenv());
    // The lock and enqueuer types on the class path, plus the application's own.
    Providers providers = Providers.load(EmbeddedExample.class.getClassLoader())
        .with(new QueueEnqueuerProvider(queue));
    try (Components parts = Components.assemble(config, providers, InstantSource.system())) {
      Bugle bugle = new Bugle(config, parts, InstantSource.system());
      Thread runner = new Thread(() -> {
        try {
          bugle.run();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "bugle");
      runner.start();
      List<JobRequest> received = new java.util.ArrayList<>();
      while (received.size() < fires) {
        JobRequest job = queue.poll(5, TimeUnit.SECONDS);
        if (job == null) {
          break;
        }
        received.add(job);
      }
      bugle.stop();
      runner.join(5_000);
      return received;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    for (JobRequest job : runUntil(3, ".bugle")) {
      System.out.println(job.schedule() + " fired for " + job.scheduledAt() + " with id " + job.id());
    }
  }

  private EmbeddedExample() {
  }
}
