package dev.bugle.cli;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP endpoints of a running {@code bugle run} process, found through the URL its log prints. */
final class OpsHttp {
  static final Pattern URL = Pattern.compile("http: status page and metrics at (http://[^/\\s]+/)");
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  final String base;

  private OpsHttp(String base) {
    this.base = base;
  }

  /** Waits for the process to log its URL ({@code bugle.http.port=0} picks an ephemeral port). */
  static OpsHttp of(BugleProcess p) {
    Matcher m = URL.matcher(p.awaitStderr(URL.pattern(), BugleProcess.STARTUP).text());
    if (!m.find()) {
      fail("no URL in the log\n" + p.transcript());
    }
    return new OpsHttp(m.group(1));
  }

  HttpResponse<String> get(String path) {
    try {
      return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path.replaceFirst("^/", "")))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + base + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  int status(String path) {
    return get(path).statusCode();
  }

  JsonNode json(String path) {
    HttpResponse<String> r = get(path);
    if (r.statusCode() != 200) {
      fail("GET " + path + ": " + r.statusCode() + " " + r.body());
    }
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " is not JSON: " + r.body(), e);
    }
  }

  /** The value of one sample line of {@code /metrics} ({@code bugle_leader}, {@code name{labels}}), or NaN. */
  double metric(String sample) {
    for (String line : get("/metrics").body().split("\n")) {
      if (line.startsWith(sample + " ")) {
        return Double.parseDouble(line.substring(sample.length() + 1).trim());
      }
    }
    return Double.NaN;
  }

  /** Polls {@code check} every 100 ms until it is true; fails after {@code timeout} with {@code what}. */
  static void await(String what, Duration timeout, java.util.function.BooleanSupplier check) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("not within " + timeout + ": " + what);
      }
      Thread.sleep(100);
    }
  }
}
