package dev.bugle.benchmarks.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End to end, by hand (not in the test suite): fire lateness of a real {@code bugle run} with 1,000 schedules
 * firing every second through the log enqueuer (to a file), with no HTTP load ({@code idle}) and with
 * {@code /metrics} scraped every second and the status page polled every 100 ms ({@code /}, and the two API
 * calls its script makes). Lateness is {@code enqueued_at - scheduled_at} of each job line. Modes alternate
 * per round, each round a fresh process; the first {@code warmup} seconds of each are discarded.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.bugle.benchmarks.ops.ScrapeLateness cli/target/bugle.jar 30 3</pre>
 */
public final class ScrapeLateness {
  static final int SCHEDULES = 1000;
  static final Duration WARMUP = Duration.ofSeconds(10);
  private static final Pattern TIMES = Pattern.compile(
      "\"scheduled_at\":\"([^\"]+)\".*\"enqueued_at\":\"([^\"]+)\"");
  private static final Pattern URL = Pattern.compile("status page and metrics at (http://\\S+/)");

  private ScrapeLateness() {
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "cli/target/bugle.jar");
    Duration measure = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 30);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    System.out.printf("%d schedules every 1s, %s measured after %s warm-up, %d rounds%n", SCHEDULES, measure,
        WARMUP, rounds);
    System.out.println("round mode    fires    p50_ms   p99_ms   max_ms  requests");
    for (int r = 1; r <= rounds; r++) {
      for (boolean load : new boolean[] {false, true}) {
        Result res = round(jar, measure, load);
        System.out.printf(Locale.ROOT, "%5d %-6s %7d %9.1f %8.1f %8.1f %9d%n", r, load ? "loaded" : "idle",
            res.lateMs.length, pct(res.lateMs, 50), pct(res.lateMs, 99), pct(res.lateMs, 100), res.requests);
      }
    }
  }

  record Result(double[] lateMs, long requests) {
  }

  static Result round(Path jar, Duration measure, boolean load) throws Exception {
    Path dir = Files.createTempDirectory("bugle-scrape-bench");
    Path jobs = dir.resolve("jobs.jsonl");
    StringBuilder cfg = new StringBuilder("bugle.namespace=bench\nbugle.lock.local.dir=" + dir.resolve("lock")
        + "\nbugle.http.port=0\nbugle.enqueuer.log.type=log\nbugle.enqueuer.log.file=" + jobs + "\n");
    for (int i = 0; i < SCHEDULES; i++) {
      cfg.append(String.format("bugle.schedule.s%04d.every=1s%nbugle.schedule.s%04d.job=Job%n", i, i));
    }
    Path config = dir.resolve("bench.properties");
    Files.writeString(config, cfg, StandardCharsets.UTF_8);
    Path err = dir.resolve("stderr.log");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), "run", config.toString()).redirectError(err.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    ScheduledExecutorService clients = Executors.newScheduledThreadPool(2);
    AtomicLong requests = new AtomicLong();
    try {
      String base = awaitUrl(err, p);
      Instant start = Instant.now().plus(WARMUP);
      if (load) {
        HttpClient http = HttpClient.newHttpClient();
        clients.scheduleAtFixedRate(() -> get(http, base + "metrics", requests), 0, 1, TimeUnit.SECONDS);
        clients.scheduleAtFixedRate(() -> {
          get(http, base, requests);
          get(http, base + "api/v1/status", requests);
          get(http, base + "api/v1/schedules?limit=500", requests);
        }, 0, 100, TimeUnit.MILLISECONDS);
      }
      Thread.sleep(WARMUP.plus(measure).toMillis());
      Instant end = start.plus(measure);
      List<Double> late = new ArrayList<>();
      for (String line : Files.readAllLines(jobs, StandardCharsets.UTF_8)) {
        Matcher m = TIMES.matcher(line);
        if (m.find()) {
          Instant scheduled = Instant.parse(m.group(1));
          if (!scheduled.isBefore(start) && scheduled.isBefore(end)) {
            late.add(Duration.between(scheduled, Instant.parse(m.group(2))).toNanos() / 1e6);
          }
        }
      }
      return new Result(late.stream().mapToDouble(Double::doubleValue).toArray(), requests.get());
    } finally {
      clients.shutdownNow();
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void get(HttpClient http, String url, AtomicLong count) {
    try {
      http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
      count.incrementAndGet();
    } catch (IOException e) {
      System.err.println("GET " + url + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String awaitUrl(Path err, Process p) throws Exception {
    for (int i = 0; i < 600; i++) {
      Matcher m = URL.matcher(Files.exists(err) ? Files.readString(err) : "");
      if (m.find()) {
        return m.group(1);
      }
      if (!p.isAlive()) {
        throw new IllegalStateException("bugle exited: " + Files.readString(err));
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no URL in the log: " + Files.readString(err));
  }

  static double pct(double[] values, int p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    return v[Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1)];
  }
}
