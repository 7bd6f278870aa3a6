package dev.bugle.core;

import dev.bugle.core.internal.ConfigFile;
import dev.bugle.core.internal.EnvExpander;
import dev.bugle.core.internal.Problems;
import dev.bugle.core.internal.StrayKeys;
import dev.bugle.core.internal.Values;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the one properties file (UTF-8), applies {@code --set} overrides, expands {@code ${ENV}} and
 * {@code ${ENV:-default}}, and validates every {@code bugle.*} key. All mistakes are reported together, each
 * naming its key; nothing connects here.
 */
public final class ConfigLoader {
  private ConfigLoader() {
  }

  public static BugleConfig load(Path file, Map<String, String> overrides, Map<String, String> env) {
    return load(file, overrides, env, null);
  }

  /**
   * As {@link #load(Path, Map, Map)}, and every lock and enqueuer type named is checked against {@code providers}
   * together with the other mistakes, so that an unknown type is never hidden behind them.
   */
  public static BugleConfig load(Path file, Map<String, String> overrides, Map<String, String> env,
      Providers providers) {
    Problems problems = new Problems();
    Map<String, String> raw = new LinkedHashMap<>(ConfigFile.read(file, problems));
    raw.putAll(overrides);
    return parse(raw, env, providers, problems);
  }

  public static BugleConfig parse(Map<String, String> raw, Map<String, String> env) {
    return parse(raw, env, null, new Problems(), true);
  }

  public static BugleConfig parse(Map<String, String> raw, Map<String, String> env, Providers providers) {
    return parse(raw, env, providers, new Problems(), true);
  }

  /** As {@link #parse(Map, Map, Providers)}; {@code requireSchedules == false} when typed schedules come from code. */
  static BugleConfig parse(Map<String, String> raw, Map<String, String> env, Providers providers,
      boolean requireSchedules) {
    return parse(raw, env, providers, new Problems(), requireSchedules);
  }

  private static BugleConfig parse(Map<String, String> raw, Map<String, String> env, Providers providers,
      Problems problems) {
    return parse(raw, env, providers, problems, true);
  }

  private static BugleConfig parse(Map<String, String> raw, Map<String, String> env, Providers providers,
      Problems problems, boolean requireSchedules) {
    Map<String, String> p = new TreeMap<>();
    Map<String, String> templates = new TreeMap<>();
    raw.forEach((k, v) -> {
      if (k.startsWith("bugle.")) {
        String expanded = problems.attempt(() -> EnvExpander.expand(k, v, env));
        ConfigException bad = expanded == null ? null : Values.problem(k, expanded);
        if (bad != null) {
          problems.add(bad);
        }
        p.put(k, expanded == null ? "" : expanded.trim()); // a bad value stays, so it causes no second error
        if (!v.equals(expanded)) {
          templates.put(k, v.trim());
        }
      } else {
        String stray = StrayKeys.problem(k, v, KeyTree.CORE);
        if (stray != null) {
          problems.add(k, stray);
        }
      }
    });
    KeyTree tree = KeyTree.split(p, problems);
    BugleConfig config = tree.toConfig(problems, templates, requireSchedules);
    if (providers != null) {
      providers.checkTypes(config, problems);
    }
    problems.throwIfAny();
    return config;
  }

}
