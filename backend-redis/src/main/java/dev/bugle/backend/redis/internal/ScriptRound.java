package dev.bugle.backend.redis.internal;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * One pipeline of push-script calls: each {@link #send} goes out at once (Jedis writes as its buffer fills), the
 * replies are read by {@link #finish}. With {@code load}, SCRIPT LOAD goes first, ahead of the first call.
 */
final class ScriptRound {
  private final Pipeline pipeline;
  private final PushScript script;
  private final byte[] sha;
  private final List<Response<Object>> responses = new ArrayList<>();
  private boolean load;
  private Response<byte[]> loading;

  ScriptRound(Jedis jedis, PushScript script, boolean load) {
    this.pipeline = jedis.pipelined();
    this.script = script;
    this.sha = script.sha();
    this.load = load;
  }

  /** Sends one call; returns it, for a possible re-send. */
  PushScript.Call send(PushScript.Call call) {
    if (load) {
      // the sample key only routes the command in a cluster; SCRIPT LOAD itself takes no key
      loading = pipeline.scriptLoad(script.source(), call.keys().get(0));
      load = false;
    }
    responses.add(pipeline.evalsha(sha, call.keys(), call.args()));
    return call;
  }

  /** Reads every reply: per call, its reply or the error Redis answered. Throws if the script was refused. */
  List<Object> finish() {
    pipeline.sync();
    if (loading != null) {
      loading.get();
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

  /** Whether this round loaded the script (and Redis took it). */
  boolean loadedScript() {
    return loading != null;
  }
}
