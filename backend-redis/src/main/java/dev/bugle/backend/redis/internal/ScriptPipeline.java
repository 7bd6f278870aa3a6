package dev.bugle.backend.redis.internal;

import dev.bugle.core.EnqueueException;
import dev.bugle.core.JobRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Sends jobs as EVALSHA calls of the push script, all in one pipeline, each call as soon as its jobs are built:
 * Redis runs one call while the next is being built. The script is loaded once (SCRIPT LOAD rides in the first
 * pipeline); a NOSCRIPT answer (Redis restarted, SCRIPT FLUSH) reloads it and re-sends only the calls that
 * answered NOSCRIPT, which had not run.
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
   * Builds each job's writes with {@code writer} (null: the job is left out, the writer kept the reason) and
   * pushes them. When some script calls failed and others ran, the exception's {@code failedJobs} names the jobs
   * of the failed ones; when the connection broke, it is empty (any job may have failed).
   */
  public Sent push(List<JobRequest> jobs, Function<JobRequest, RedisWrite> writer) throws EnqueueException {
    List<RedisWrite> writes = new ArrayList<>(jobs.size());
    List<List<RedisWrite>> chunks = new ArrayList<>();
    List<PushScript.Call> calls = new ArrayList<>();
    Iterator<JobRequest> next = jobs.iterator();
    List<RedisWrite> chunk = nextChunk(next, writer, writes);
    if (chunk.isEmpty()) {
      return new Sent(List.of(), List.of()); // the writer refused every job: nothing to connect for
    }
    List<Object> replies;
    // A writer that throws leaves replies unread: Jedis reads them (syncs the open pipeline) when the connection
    // goes back to the pool, so the next borrower never reads them as its own.
    try (Jedis jedis = connection.borrow()) {
      ScriptRound round = new ScriptRound(jedis, script, !loaded);
      do {
        calls.add(round.send(script.encode(chunk, dedupe)));
        chunks.add(chunk);
        chunk = nextChunk(next, writer, writes);
      } while (!chunk.isEmpty());
      replies = round.finish();
      if (round.loadedScript()) {
        loaded = true;
      }
      resendNoScript(jedis, calls, replies);
    } catch (JedisException e) {
      throw RedisFailures.toEnqueueException(e, connection.settings().url(), writes.size(), Set.of());
    }
    return new Sent(writes, flags(writes, chunks, replies));
  }

  /** The next jobs' writes, up to one call's worth; empty when no job is left. */
  private static List<RedisWrite> nextChunk(Iterator<JobRequest> next, Function<JobRequest, RedisWrite> writer,
      List<RedisWrite> writes) {
    List<RedisWrite> chunk = new ArrayList<>(JOBS_PER_CALL);
    while (chunk.size() < JOBS_PER_CALL && next.hasNext()) {
      RedisWrite write = writer.apply(next.next());
      if (write != null) {
        chunk.add(write);
        writes.add(write);
      }
    }
    return chunk;
  }

  /** Re-sends, with SCRIPT LOAD first, the calls that answered NOSCRIPT, and puts their replies in place. */
  private void resendNoScript(Jedis jedis, List<PushScript.Call> calls, List<Object> replies) {
    List<Integer> noScript = new ArrayList<>();
    for (int i = 0; i < replies.size(); i++) {
      if (replies.get(i) instanceof JedisNoScriptException) {
        noScript.add(i);
      }
    }
    if (noScript.isEmpty()) {
      return;
    }
    ScriptRound again = new ScriptRound(jedis, script, true);
    noScript.forEach(i -> again.send(calls.get(i)));
    List<Object> retried = again.finish();
    loaded = true;
    for (int j = 0; j < noScript.size(); j++) {
      replies.set(noScript.get(j), retried.get(j));
    }
  }

  /** Per write, true when pushed and false when a duplicate; throws for the chunks Redis refused. */
  private List<Boolean> flags(List<RedisWrite> writes, List<List<RedisWrite>> chunks, List<Object> replies) {
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
      throw RedisFailures.toEnqueueException(failure, connection.settings().url(), failed.size(), failed);
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

  /** The writes that were built, in job order, and for each whether it was pushed (false: a duplicate). */
  public record Sent(List<RedisWrite> writes, List<Boolean> pushed) {
    /** The ids of the jobs that were not pushed: their dedupe key was already set. */
    public Set<UUID> duplicates() {
      Set<UUID> there = new HashSet<>();
      for (int i = 0; i < writes.size(); i++) {
        if (!pushed.get(i)) {
          there.add(writes.get(i).job().id());
        }
      }
      return there;
    }
  }
}
