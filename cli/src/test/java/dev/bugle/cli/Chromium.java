package dev.bugle.cli;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless {@code chromium} (installed by scripts/services) showing one page, driven over the DevTools
 * protocol with the JDK's WebSocket: evaluate JavaScript in the page, take a screenshot.
 */
final class Chromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on ws://([^/]+)/");

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private Chromium(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /** Starts chromium on {@code url} with a fresh profile in {@code profile}. */
  static Chromium open(String url, Path profile) throws Exception {
    Path binary = Path.of("/usr/bin/chromium");
    if (!Files.isExecutable(binary)) {
      fail("chromium is not installed (" + binary + "): run scripts/services, whose part"
          + " scripts/services.d/60-chromium.sh installs Debian's chromium package");
    }
    Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--no-first-run", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "--window-size=1500,1100", url).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    String host = null;
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (String line = err.readLine(); line != null && System.nanoTime() < deadline; line = err.readLine()) {
      seen.append(line).append('\n');
      Matcher m = DEVTOOLS.matcher(line);
      if (m.find()) {
        host = m.group(1);
        break;
      }
    }
    if (host == null) {
      p.destroyForcibly();
      fail("chromium did not start its DevTools endpoint:\n" + seen);
    }
    Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
    drain.setDaemon(true);
    drain.start();
    HttpClient http = HttpClient.newHttpClient();
    String page = null;
    for (int i = 0; i < 100 && page == null; i++) {
      JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://" + host + "/json/list"))
          .build(), HttpResponse.BodyHandlers.ofString()).body());
      for (JsonNode t : targets) {
        if (t.path("type").asText().equals("page")) {
          page = t.get("webSocketDebuggerUrl").asText();
        }
      }
      if (page == null) {
        Thread.sleep(100);
      }
    }
    if (page == null) {
      p.destroyForcibly();
      fail("chromium shows no page target");
    }
    Chromium[] self = new Chromium[1];
    WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(page), new WebSocket.Listener() {
      private final StringBuilder frame = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        frame.append(data);
        if (last) {
          self[0].received(frame.toString());
          frame.setLength(0);
        }
        w.request(1);
        return null;
      }
    }).get(10, TimeUnit.SECONDS);
    self[0] = new Chromium(p, ws);
    return self[0];
  }

  private void received(String text) {
    try {
      JsonNode msg = JSON.readTree(text);
      CompletableFuture<JsonNode> f = msg.has("id") ? pending.remove(msg.get("id").asInt()) : null;
      if (f != null) {
        f.complete(msg);
      }
    } catch (IOException e) {
      // not a reply we wait for
    }
  }

  /** Sends one DevTools command and returns its result; fails on a protocol error. */
  JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", JSON.valueToTree(params));
    socket.sendText(JSON.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
    JsonNode r = reply.get(20, TimeUnit.SECONDS);
    if (r.has("error")) {
      fail(method + " failed: " + r.get("error"));
    }
    return r.get("result");
  }

  /** Evaluates {@code expression} in the page and returns its value as JSON (null for undefined). */
  JsonNode eval(String expression) throws Exception {
    JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (r.has("exceptionDetails")) {
      fail("page threw on " + expression + ": " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** A PNG of the page, the full height of its content. */
  void screenshot(Path file) throws Exception {
    JsonNode r = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
  }

  @Override
  public void close() {
    socket.abort();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
