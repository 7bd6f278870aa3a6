package dev.bugle.backend.redis.internal;

import dev.bugle.core.EnqueueException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Sends writes as EVALSHA calls of the push script, all in one pipeline. The script is loaded once (SCRIPT LOAD
 * rides in the first pipeline); a NOSCRIPT answer (Redis restarted, SCRIPT FLUSH) reloads it and re-sends only
 * the calls that answered NOSCRIPT, which had not run.
 */
public final class ScriptPipeline {
  /**
   * Jobs per script call. A call blocks Redis for about 1 ms at this size, and the merged pushes of one group
   * stay far below Lua's unpack limit (8,000 values) for every format here (at most a few args per job).
   */
  static final int JOBS_PER_CALL = 200;

  private final RedisConnection connection;
  private final PushScript script;
  private final Dedupe dedupe;
  private volatile boolean loaded;

  public ScriptPipeline(RedisConnection connection, PushScript script, Dedupe dedupe, boolean assumeLoaded) {
    this.connection = connection;
    this.script = script;
    this.dedupe = dedupe;
    this.loaded = assumeLoaded;
  }

  /**
   * Pushes every write; returns, per write in order, true when pushed and false when it was a duplicate. When
   * some script calls failed and others ran, the exception's {@code failedJobs} names the jobs of the failed
   * ones; when the connection broke, it is empty (any job may have failed).
   */
  public List<Boolean> push(List<RedisWrite> writes) throws EnqueueException {
    List<List<RedisWrite>> chunks = new ArrayList<>();
    List<PushScript.Call> calls = new ArrayList<>();
    for (int i = 0; i < writes.size(); i += JOBS_PER_CALL) {
      List<RedisWrite> chunk = writes.subList(i, Math.min(writes.size(), i + JOBS_PER_CALL));
      chunks.add(chunk);
      calls.add(script.encode(chunk, dedupe));
    }
    List<Object> replies;
    try (Jedis jedis = connection.borrow()) {
      replies = send(jedis, calls, !loaded);
      List<Integer> noScript = new ArrayList<>();
      for (int i = 0; i < replies.size(); i++) {
        if (replies.get(i) instanceof JedisNoScriptException) {
          noScript.add(i);
        }
      }
      if (!noScript.isEmpty()) {
        List<Object> retried = send(jedis, noScript.stream().map(calls::get).toList(), true);
        for (int j = 0; j < noScript.size(); j++) {
          replies.set(noScript.get(j), retried.get(j));
        }
      }
    } catch (JedisException e) {
      throw Failures.toEnqueueException(e, connection.settings().url(), writes.size(), Set.of());
    }
    List<Boolean> pushed = new ArrayList<>(writes.size());
    JedisDataException failure = null;
    Set<UUID> failed = new HashSet<>();
    for (int i = 0; i < replies.size(); i++) {
      if (replies.get(i) instanceof JedisDataException e) {
        failure = e;
        chunks.get(i).forEach(w -> failed.add(w.job().id()));
      } else {
        for (Object flag : (List<?>) replies.get(i)) {
          pushed.add(((Long) flag) == 1L);
        }
      }
    }
    if (failure != null) {
      throw Failures.toEnqueueException(failure, connection.settings().url(), failed.size(), failed);
    }
    return pushed;
  }

  /** Loads the script now (for {@code Enqueuer.open()}); a failure is the caller's to judge. */
  public void load() {
    try (Jedis jedis = connection.borrow()) {
      jedis.scriptLoad(script.source());
      loaded = true;
    }
  }

  /** One pipeline: SCRIPT LOAD first if asked, then one EVALSHA per call; replies or the error of each call. */
  private List<Object> send(Jedis jedis, List<PushScript.Call> calls, boolean load) {
    byte[] sha = script.sha();
    Pipeline pipeline = jedis.pipelined();
    // the sample key only routes the command in a cluster; SCRIPT LOAD itself takes no key
    Response<byte[]> loading = load ? pipeline.scriptLoad(script.source(), calls.get(0).keys().get(0)) : null;
    List<Response<Object>> responses = new ArrayList<>(calls.size());
    for (PushScript.Call call : calls) {
      responses.add(pipeline.evalsha(sha, call.keys(), call.args()));
    }
    pipeline.sync();
    if (loading != null) {
      loading.get(); // throws if the server refused the script
      loaded = true;
    }
    List<Object> replies = new ArrayList<>(responses.size());
    for (Response<Object> r : responses) {
      try {
        replies.add(r.get());
      } catch (JedisDataException e) {
        replies.add(e);
      }
    }
    return replies;
  }
}
