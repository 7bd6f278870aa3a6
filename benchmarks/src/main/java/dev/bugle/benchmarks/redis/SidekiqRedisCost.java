package dev.bugle.benchmarks.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import redis.clients.jedis.Jedis;

/**
 * Where the time of {@link SidekiqEnqueueBenchmark} goes: the same six operations (10,000 Sidekiq jobs each), run
 * in turn round after round, reporting per operation the median wall time and the CPU time the Redis server
 * spent on it (its {@code used_cpu_user + used_cpu_sys} from {@code INFO cpu}, before and after; protocol
 * parsing and replies included), both against the bare pipelined LPUSH.
 *
 * <p>Redis runs commands on one thread, so an operation can never take less wall time than the Redis CPU it
 * needs: a Redis CPU figure above the target's 1.5 × the bare LPUSH's wall time rules that design out, however
 * fast the client is.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.bugle.benchmarks.redis.SidekiqRedisCost [rounds]}
 */
public final class SidekiqRedisCost {
  private SidekiqRedisCost() {
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    SidekiqEnqueueBenchmark b = new SidekiqEnqueueBenchmark();
    Map<String, Runnable> ops = new LinkedHashMap<>();
    ops.put("bugleEnqueueAll", b::bugleEnqueueAll);
    ops.put("bugleEnqueueAllNoDedupe", b::bugleEnqueueAllNoDedupe);
    ops.put("rawJacksonSaddLpush", b::rawJacksonSaddLpush);
    ops.put("rawPipelinedSetNxLpush", b::rawPipelinedSetNxLpush);
    ops.put("rawCasSetDedupe", b::rawCasSetDedupe);
    ops.put("rawPipelinedLpush", b::rawPipelinedLpush);
    Map<String, List<Double>> wall = new LinkedHashMap<>();
    Map<String, List<Double>> server = new LinkedHashMap<>();
    ops.keySet().forEach(k -> {
      wall.put(k, new ArrayList<>());
      server.put(k, new ArrayList<>());
    });
    b.open();
    try (Jedis info = new Jedis("127.0.0.1", 6379)) {
      for (int round = -10; round < rounds; round++) { // the first 10 warm the JIT up and are not counted
        for (Map.Entry<String, Runnable> op : ops.entrySet()) {
          b.newFires();
          double cpu = redisCpuMillis(info);
          long start = System.nanoTime();
          op.getValue().run();
          double ms = (System.nanoTime() - start) / 1e6;
          double cpuMs = redisCpuMillis(info) - cpu;
          b.dropKeys();
          if (round >= 0) {
            wall.get(op.getKey()).add(ms);
            server.get(op.getKey()).add(cpuMs);
          }
        }
      }
    } finally {
      b.close();
    }
    double base = median(wall.get("rawPipelinedLpush"));
    System.out.printf(Locale.ROOT, "%d rounds of %,d Sidekiq jobs per operation; ratios against rawPipelinedLpush's "
        + "median wall time (%.1f ms)%n", rounds, SidekiqEnqueueBenchmark.JOBS, base);
    System.out.printf(Locale.ROOT, "%-24s %12s %7s %14s %7s%n", "operation", "wall median", "ratio",
        "Redis CPU mean", "ratio");
    for (String op : ops.keySet()) {
      double w = median(wall.get(op));
      double s = server.get(op).stream().mapToDouble(Double::doubleValue).average().orElse(0);
      System.out.printf(Locale.ROOT, "%-24s %9.1f ms %6.2fx %11.1f ms %6.2fx%n", op, w, w / base, s, s / base);
    }
  }

  /** The Redis server's CPU time so far (user + system, all its threads), in milliseconds. */
  private static double redisCpuMillis(Jedis info) {
    double seconds = 0;
    for (String line : info.info("cpu").split("\r\n")) {
      if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
        seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1));
      }
    }
    return seconds * 1000;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
