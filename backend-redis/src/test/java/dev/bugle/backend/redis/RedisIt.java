package dev.bugle.backend.redis;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.core.JobRequest;
import dev.bugle.support.JobJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.Jedis;

/** What the integration tests share: the real Redis on 127.0.0.1:6379, unique names, JSON reading. */
final class RedisIt {
  static final String URL = "redis://127.0.0.1:6379/0";
  static final String UNREACHABLE_URL = "redis://127.0.0.1:1/0";
  static final int PORT = 6379;

  private RedisIt() {
  }

  /** A connection to the test Redis, or a failure that says how to start it. */
  static Jedis jedis() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", 6379), 2000);
    } catch (IOException e) {
      fail("Redis is not listening on 127.0.0.1:6379; start it with: scripts/services redis (" + e + ")");
    }
    return new Jedis("127.0.0.1", 6379);
  }

  /** The test Redis as a user that does not exist, with {@code password}: Redis answers WRONGPASS. */
  static String wrongUserUrl(String password) {
    return "redis://bugle-nobody:" + password + "@127.0.0.1:6379/0";
  }

  /** Settings from alternating keys and values, then {@code more} (whose keys win). */
  static String[] with(String[] more, String... keysAndValues) {
    String[] all = java.util.Arrays.copyOf(keysAndValues, keysAndValues.length + more.length);
    System.arraycopy(more, 0, all, keysAndValues.length, more.length);
    return all;
  }

  /** A name no other test run uses: {@code prefix-<random>}. */
  static String unique(String prefix) {
    return "bugle-it-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static JsonNode json(String text) {
    try {
      return JobJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many entries of a list are JSON whose node at {@code pointer} is the job's id. */
  static int countById(Jedis jedis, String listKey, String pointer, JobRequest job) {
    List<String> items = jedis.lrange(listKey, 0, -1);
    return (int) items.stream().filter(i -> job.id().toString().equals(json(i).at(pointer).asText())).count();
  }

  /** The contract's job without kwargs, for stacks whose jobs take positional args only. */
  static JobRequest withoutKwargs(JobRequest job) {
    return new JobRequest(job.id(), job.namespace(), job.schedule(), job.scheduledAt(), job.job(), job.queue(),
        job.args(), Map.of(), job.options());
  }
}
