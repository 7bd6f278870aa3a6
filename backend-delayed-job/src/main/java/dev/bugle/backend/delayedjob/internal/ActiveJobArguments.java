package dev.bugle.backend.delayedjob.internal;

import dev.bugle.core.JobRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code arguments} of an ActiveJob job hash, as {@code ActiveJob::Arguments.serialize} writes them: the
 * args as they are, then the kwargs as one Hash marked {@code "_aj_ruby2_keywords"} so that ActiveJob passes
 * them to {@code perform} as keyword arguments. ActiveJob reserves a few {@code _aj_} keys; a Hash that used
 * one would be read back as something else (a GlobalID, a custom object), so such keys are refused.
 */
final class ActiveJobArguments {
  static final String RUBY2_KEYWORDS_KEY = "_aj_ruby2_keywords";
  private static final Set<String> RESERVED = Set.of("_aj_globalid", "_aj_symbol_keys", RUBY2_KEYWORDS_KEY,
      "_aj_serialized", "_aj_hash_with_indifferent_access");

  private ActiveJobArguments() {
  }

  static List<Object> of(JobRequest job) {
    List<Object> arguments = new ArrayList<>(job.args());
    if (!job.kwargs().isEmpty()) {
      Map<String, Object> keywords = new LinkedHashMap<>(job.kwargs());
      keywords.put(RUBY2_KEYWORDS_KEY, new ArrayList<>(job.kwargs().keySet()));
      arguments.add(keywords);
    }
    return arguments;
  }

  /** Refuses Hash keys that ActiveJob reserves, at any depth. */
  static void check(JobRequest job) {
    check(job.args(), "args");
    check(job.kwargs(), "kwargs");
  }

  private static void check(Object value, String field) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (RESERVED.contains(String.valueOf(e.getKey()))) {
          throw new InvalidJob(field, "the Hash key '" + e.getKey() + "' is reserved by ActiveJob "
              + "(it would not reach the job as written)", "[{\"report\": \"daily\"}]");
        }
        check(e.getValue(), field);
      }
    } else if (value instanceof List<?> list) {
      list.forEach(item -> check(item, field));
    }
  }
}
