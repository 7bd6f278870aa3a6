package dev.bugle.cli;

import static dev.bugle.cli.BugleProcess.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page in a real headless Chromium against a running {@code bugle run}: it lists the node's schedules,
 * updates itself after a fire without a reload, and highlights a failing schedule. It leaves a screenshot in
 * {@code target/status-page.png} (docs/status-page.png is one of them).
 */
class StatusPageIT {
  @TempDir
  Path tmp;

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private static String rowText(Chromium page, String schedule, String cell) throws Exception {
    return page.eval("(() => { const c = document.querySelector('tr[data-schedule=\"" + schedule + "\"] td." + cell
        + "'); return c ? c.textContent : null; })()").asText();
  }

  private static void await(String what, Duration timeout, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.ok()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      Thread.sleep(200);
    }
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  @Test
  void thePageListsTheSchedulesUpdatesAfterAFireAndHighlightsAFailure() throws Exception {
    Path config = new Workspace(tmp).config("page", SecretConfig.LINES);
    BugleProcess node = BugleProcess.start(tmp, Map.of(), "run", config.toString());
    open.add(node);
    OpsHttp http = OpsHttp.of(node);
    node.awaitStderr(LifecycleIT.LEADING, STARTUP);
    node.awaitStdout("\"schedule\":\"tick\"", Duration.ofSeconds(10));

    Chromium page = Chromium.open(http.base, tmp.resolve("chromium-profile"));
    open.add(0, page);
    await("the page lists three schedules", Duration.ofSeconds(15), () -> page.eval(
        "document.querySelectorAll('#schedules tbody tr').length").asInt() == 3);
    JsonNode names = page.eval("[...document.querySelectorAll('#schedules tbody tr')].map(r => r.dataset.schedule)");
    assertThat(names.toString()).isEqualTo("[\"bad-redis\",\"digest\",\"tick\"]");
    assertThat(page.eval("document.getElementById('state').textContent").asText()).isEqualTo("leading");
    assertThat(rowText(page, "digest", "next-fire")).as("in the schedule's zone (Intl writes a real minus sign)")
        .contains(" 09:00:00 ").containsPattern("GMT[-\u2212]5$");
    assertThat(rowText(page, "digest", "last-fire")).isEqualTo("never");

    // A fire shows up without a reload: the marker set in this document survives.
    page.eval("window.testMarker = 42");
    await("tick has a last fire", Duration.ofSeconds(10), () -> !rowText(page, "tick", "last-fire").equals("never"));
    String first = rowText(page, "tick", "last-fire");
    await("tick's last fire moves on", Duration.ofSeconds(10), () -> !rowText(page, "tick", "last-fire").equals(first));
    assertThat(page.eval("window.testMarker").asInt()).isEqualTo(42);
    assertThat(rowText(page, "tick", "outcome")).isEqualTo("enqueued");

    await("the failing schedule is highlighted", Duration.ofSeconds(20), () -> page.eval(
        "document.querySelector('tr[data-schedule=\"bad-redis\"]').classList.contains('failing')").asBoolean());
    assertThat(page.eval("getComputedStyle(document.querySelector('tr[data-schedule=\"bad-redis\"] td')).backgroundColor")
        .asText()).isEqualTo("rgb(254, 226, 226)");
    assertThat(page.eval("document.querySelector('tr[data-schedule=\"tick\"]').classList.contains('failing')")
        .asBoolean()).isFalse();
    assertThat(rowText(page, "bad-redis", "error")).isNotBlank().doesNotContain("hunter2");
    assertThat(page.eval("[...document.querySelectorAll('#timeline .tl-row')].map(r => r.dataset.schedule).sort()")
        .toString()).as("the weekly digest is not in the next 24 h").isEqualTo("[\"bad-redis\",\"tick\"]");
    assertThat(page.eval("document.querySelectorAll('#fires tbody tr').length").asInt()).isPositive();
    assertThat(page.eval("document.documentElement.outerHTML").asText()).doesNotContain("hunter2");
    page.screenshot(Path.of("target", "status-page.png"));
  }
}
