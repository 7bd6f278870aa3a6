package dev.bugle.benchmarks.rabbitmq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cross-check of {@link RabbitEnqueueBenchmark} for a busy, shared machine: JMH runs one benchmark after the
 * other, so load that drifts between them skews the ratio. This runs the same operations (10,000 Celery tasks
 * with confirms) alternately, Bugle then raw, round after round, and reports the median time of each and the
 * median of the per-round ratios.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.bugle.benchmarks.rabbitmq.RabbitEnqueueAlternating [rounds] [raw batch]}
 */
public final class RabbitEnqueueAlternating {
  private RabbitEnqueueAlternating() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    RabbitEnqueueBenchmark b = new RabbitEnqueueBenchmark();
    b.setUp();
    RabbitEnqueueBenchmark.Raw raw = new RabbitEnqueueBenchmark.Raw();
    raw.batch = batch;
    raw.setUp(b);
    try {
      for (int i = 0; i < 3; i++) {
        time(b::bugleEnqueueAll, b);
        time(() -> b.rawBatchedConfirms(raw), b);
      }
      List<Double> bugle = new ArrayList<>();
      List<Double> plain = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        double tb = time(b::bugleEnqueueAll, b);
        double tr = time(() -> b.rawBatchedConfirms(raw), b);
        bugle.add(tb);
        plain.add(tr);
        ratios.add(tb / tr);
      }
      System.out.printf(Locale.ROOT, "rounds=%d, 10,000 jobs per op, raw confirms every %d%n", rounds, batch);
      System.out.printf(Locale.ROOT, "bugle enqueueAll      median %.1f ms/op%n", median(bugle));
      System.out.printf(Locale.ROOT, "raw batched confirms  median %.1f ms/op%n", median(plain));
      System.out.printf(Locale.ROOT, "median per-round ratio bugle/raw = %.2f (min %.2f, max %.2f)%n", median(ratios),
          ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
          ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    } finally {
      raw.tearDown();
      b.tearDown();
    }
  }

  private interface Op {
    void run() throws Exception;
  }

  private static double time(Op op, RabbitEnqueueBenchmark b) throws Exception {
    long start = System.nanoTime();
    op.run();
    double ms = (System.nanoTime() - start) / 1e6;
    b.purge();
    return ms;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
