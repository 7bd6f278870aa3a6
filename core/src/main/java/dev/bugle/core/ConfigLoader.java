package dev.bugle.core;

import dev.bugle.core.internal.EnvExpander;
import dev.bugle.core.internal.Problems;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
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
    Properties props = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(r);
    } catch (IOException e) {
      throw new ConfigException(null, "cannot read the configuration file " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(null, "malformed configuration file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> raw = new LinkedHashMap<>();
    props.stringPropertyNames().forEach(k -> raw.put(k, props.getProperty(k)));
    raw.putAll(overrides);
    return parse(raw, env);
  }

  public static BugleConfig parse(Map<String, String> raw, Map<String, String> env) {
    return parse(raw, env, true);
  }

  /** As {@link #parse(Map, Map)}; {@code requireSchedules == false} when typed schedules come from code. */
  static BugleConfig parse(Map<String, String> raw, Map<String, String> env, boolean requireSchedules) {
    Problems problems = new Problems();
    Map<String, String> p = new TreeMap<>();
    Map<String, String> templates = new TreeMap<>();
    raw.forEach((k, v) -> {
      if (k.startsWith("bugle.")) {
        String expanded = problems.attempt(() -> EnvExpander.expand(k, v, env));
        p.put(k, expanded == null ? "" : expanded.trim());
        if (!v.equals(expanded)) {
          templates.put(k, v.trim());
        }
      }
    });
    KeyTree tree = KeyTree.split(p, problems);
    BugleConfig config = tree.toConfig(problems, templates, requireSchedules);
    problems.throwIfAny();
    return config;
  }

}
