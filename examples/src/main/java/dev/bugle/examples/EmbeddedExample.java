package dev.bugle.examples;

import dev.bugle.core.Bugle;
import dev.bugle.core.JobRequest;
import dev.bugle.core.Schedule;
import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.FireEvent;
import dev.bugle.spi.Enqueuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Embedding Bugle in an application with the typed API: the lock and a schedule from code, and the jobs go to an
 * enqueuer of the application's own (here an in-memory queue). Run {@link #main} from an IDE: it prints three
 * fires, one a second, and stops. {@code EmbeddedExampleTest} runs the same code in the build, and checks that
 * README's "Embedding" snippet is the region between the {@code snippet} markers below, word for word.
 */
public final class EmbeddedExample {

  /** An application's own enqueuer: hands each job to an in-process queue. */
  static Enqueuer queueEnqueuer(BlockingQueue<JobRequest> queue) {
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

  /** Runs Bugle until {@code fires} jobs have been received, and returns them. */
  public static List<JobRequest> runUntil(int fires, String stateDir, BugleListener listener)
      throws InterruptedException {
    BlockingQueue<JobRequest> queue = new LinkedBlockingQueue<>();
    Enqueuer myEnqueuer = queueEnqueuer(queue);
    // snippet: begin
    Bugle bugle = Bugle.builder()
        .namespace("embedded")
        .lock("local", Map.of("dir", stateDir))
        .enqueuer("app", myEnqueuer)
        .schedule(Schedule.builder("tick").every(Duration.ofSeconds(1)).job("TickJob").args("hello")
            .enqueuer("app").build())
        .listener(listener)
        .build();
    bugle.start();                                  // returns at once; the node runs on its own thread
    Runtime.getRuntime().addShutdownHook(new Thread(bugle::close)); // releases the lock before the JVM exits
    // snippet: end
    try {
      List<JobRequest> received = new ArrayList<>();
      while (received.size() < fires) {
        JobRequest job = queue.poll(5, TimeUnit.SECONDS);
        if (job == null) {
          break;
        }
        received.add(job);
      }
      return received;
    } finally {
      bugle.close();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    BugleListener printer = new BugleListener() {
      @Override
      public void onFire(FireEvent fire) {
        System.out.println(fire.schedule() + ": " + fire.outcome().label() + " for " + fire.last());
      }
    };
    for (JobRequest job : runUntil(3, System.getProperty("java.io.tmpdir") + "/bugle-embedded", printer)) {
      System.out.println(job.schedule() + " fired for " + job.scheduledAt() + " with id " + job.id());
    }
  }

  private EmbeddedExample() {
  }
}
