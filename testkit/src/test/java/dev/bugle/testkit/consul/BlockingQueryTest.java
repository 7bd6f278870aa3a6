package dev.bugle.testkit.consul;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Blocking queries as {@code website/content/api-docs/features/blocking.mdx} and {@code agent/http.go} define them. */
class BlockingQueryTest extends EmulatorFixture {

  @Test
  void withoutAnIndexTheAnswerIsImmediate() throws Exception {
    put("/v1/kv/b", "1");
    long start = System.nanoTime();
    assertThat(get("/v1/kv/b?wait=5s").status()).isEqualTo(200);
    assertThat(get("/v1/kv/b?index=0&wait=5s").status()).isEqualTo(200);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
  }

  @Test
  void aWriteToTheKeyWakesTheQuery() throws Exception {
    put("/v1/kv/b", "1");
    long index = get("/v1/kv/b").index();
    CompletableFuture<Reply> waiting = CompletableFuture.supplyAsync(() -> quietly("/v1/kv/b?index=" + index + "&wait=20s"));
    Thread.sleep(200);
    assertThat(waiting).isNotDone();
    put("/v1/kv/b", "2");
    Reply r = waiting.get(5, TimeUnit.SECONDS);
    assertThat(r.index()).isGreaterThan(index);
    assertThat(r.json().get(0).get("Value").asText()).isEqualTo("Mg==");
  }

  @Test
  void theWaitEndsWithTheSameIndex() throws Exception { // blocking.mdx: "the wait time ... returns the current result"
    put("/v1/kv/b", "1");
    long index = get("/v1/kv/b").index();
    long start = System.nanoTime();
    Reply r = get("/v1/kv/b?index=" + index + "&wait=300ms");
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(ms).isBetween(290L, 300L + 300L / 16 + 1000);
    assertThat(r.index()).isEqualTo(index);
  }

  @Test
  void anUnrelatedKeyDoesNotWakeAQueryOnAMissingKey() throws Exception { // a watch on exactly that key
    long index = get("/v1/kv/missing").index();
    CompletableFuture<Reply> waiting = CompletableFuture.supplyAsync(() -> quietly("/v1/kv/missing?index=" + index + "&wait=1s"));
    Thread.sleep(100);
    put("/v1/kv/other", "x");
    Thread.sleep(200);
    assertThat(waiting).as("still waiting after an unrelated write").isNotDone();
    put("/v1/kv/missing", "now");
    assertThat(waiting.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
  }

  @Test
  void deletingAWatchedKeyWakesTheQueryWithA404() throws Exception { // the lock monitor's case
    put("/v1/kv/b", "1");
    long index = get("/v1/kv/b").index();
    CompletableFuture<Reply> waiting = CompletableFuture.supplyAsync(() -> quietly("/v1/kv/b?index=" + index + "&wait=20s"));
    Thread.sleep(100);
    delete("/v1/kv/b");
    Reply r = waiting.get(5, TimeUnit.SECONDS);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.index()).isGreaterThan(index);
  }

  @Test
  void sessionInfoBlocksOnTheSessionsTable() throws Exception {
    String id = session(null);
    long index = get("/v1/session/info/" + id).index();
    CompletableFuture<Reply> waiting = CompletableFuture.supplyAsync(() -> quietly("/v1/session/info/" + id + "?index=" + index + "&wait=20s"));
    Thread.sleep(100);
    put("/v1/session/destroy/" + id, null);
    assertThat(waiting.get(5, TimeUnit.SECONDS).body()).isEqualTo("[]");
  }

  @Test
  void badWaitOrIndexIs400() throws Exception { // agent/http.go parseWait
    Reply wait = get("/v1/kv/b?index=1&wait=forever");
    assertThat(wait.status()).isEqualTo(400);
    assertThat(wait.body()).isEqualTo("Invalid wait time");
    Reply index = get("/v1/kv/b?index=x");
    assertThat(index.status()).isEqualTo(400);
    assertThat(index.body()).isEqualTo("Invalid index");
  }

  private Reply quietly(String path) {
    try {
      return get(path);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
