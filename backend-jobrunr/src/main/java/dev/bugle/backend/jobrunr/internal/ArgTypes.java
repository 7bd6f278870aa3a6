package dev.bugle.backend.jobrunr.internal;

import dev.bugle.core.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The declared types of a schedule's args ({@code bugle.schedule.NAME.option.arg-types}): one comma-separated
 * class name per arg, as in the job method's signature. Short names stand for the common types; any other name is
 * a class on the worker's classpath whose JSON value Bugle stores as written.
 */
public final class ArgTypes {
  public static final String EXAMPLE = "String,long,UUID,Instant,com.acme.Report";
  /** Short and primitive names to the class recorded in the job. Primitives record their box: JobRunr matches both. */
  static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("String", "java.lang.String"),
      Map.entry("int", "java.lang.Integer"), Map.entry("Integer", "java.lang.Integer"),
      Map.entry("long", "java.lang.Long"), Map.entry("Long", "java.lang.Long"),
      Map.entry("double", "java.lang.Double"), Map.entry("Double", "java.lang.Double"),
      Map.entry("boolean", "java.lang.Boolean"), Map.entry("Boolean", "java.lang.Boolean"),
      Map.entry("UUID", "java.util.UUID"), Map.entry("Instant", "java.time.Instant"),
      Map.entry("List", "java.util.ArrayList"), Map.entry("java.util.List", "java.util.ArrayList"),
      Map.entry("Map", "java.util.LinkedHashMap"), Map.entry("java.util.Map", "java.util.LinkedHashMap"),
      Map.entry("JobContext", "org.jobrunr.jobs.context.JobContext"));
  /** The types Bugle converts itself (checking the value); every other class gets its JSON stored as written. */
  static final Set<String> BUILT_IN = Set.of("java.lang.String", "java.lang.Integer", "java.lang.Long",
      "java.lang.Double", "java.lang.Boolean", "java.util.UUID", "java.time.Instant", "java.util.ArrayList",
      "java.util.LinkedHashMap");

  private ArgTypes() {
  }

  /** The class names, aliases resolved; {@code key} is the option's full key, {@code argCount} the args' count. */
  public static List<String> parse(String key, String text, int argCount) {
    List<String> types = new ArrayList<>();
    for (String raw : text.split(",", -1)) {
      String name = raw.trim();
      if (!ALIASES.containsKey(name) && !JobTarget.CLASS_NAME.matcher(name).matches()) {
        throw ConfigException.invalid(key, text, "one class name per arg, comma-separated ('" + name
            + "' is not a class name; short names: " + String.join(", ", new TreeSet<>(ALIASES.keySet()))
            + ")", EXAMPLE);
      }
      types.add(resolve(name));
    }
    if (types.size() != argCount) {
      throw new ConfigException(key, "declares " + types.size() + " type(s) but the schedule has " + argCount
          + " arg(s); give one type per arg, in order; for example: " + key + "=" + EXAMPLE);
    }
    return List.copyOf(types);
  }

  /** The recorded class name for a declared one ({@code long} is {@code java.lang.Long}). */
  public static String resolve(String declared) {
    return ALIASES.getOrDefault(declared, declared);
  }

  static boolean isBuiltIn(String className) {
    return BUILT_IN.contains(className);
  }
}
