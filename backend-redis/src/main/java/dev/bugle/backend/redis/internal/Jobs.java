package dev.bugle.backend.redis.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import dev.bugle.support.JobJson;

/** Small helpers the formats share: the schedule's property keys, JSON with errors that name them. */
public final class Jobs {
  private Jobs() {
  }

  /** {@code bugle.schedule.NAME.<relativeKey>}, the key a user fixes when this job is wrong. */
  public static String key(JobRequest job, String relativeKey) {
    return "bugle.schedule." + job.schedule() + "." + relativeKey;
  }

  /** Compact UTF-8 JSON of a payload built from {@code job}'s args; a value Jackson cannot write names the args key. */
  public static byte[] json(JobRequest job, Object payload) {
    try {
      return JobJson.mapper().writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new ConfigException(key(job, "args"), "args and kwargs must be JSON values (strings, numbers, "
          + "booleans, null, lists and maps with string keys): " + e.getOriginalMessage()
          + "; for example: " + key(job, "args") + "=[\"USD\", 2]", e);
    }
  }

  /** Refuses kwargs for stacks whose jobs take positional args only. */
  public static void requireNoKwargs(JobRequest job, String stack) {
    if (!job.kwargs().isEmpty()) {
      throw new ConfigException(key(job, "kwargs"), stack + " jobs take positional args only; remove kwargs and "
          + "pass a map as the last arg instead; for example: " + key(job, "args") + "=[\"USD\", {\"round\": 2}]");
    }
  }
}
