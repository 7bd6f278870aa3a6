package dev.bugle.core;

import dev.bugle.core.internal.Durations;
import dev.bugle.core.internal.Values;
import dev.bugle.spi.Settings;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link Settings} of one provider, over the properties under one prefix. It records which keys were
 * read (so that the rest can be reported as unknown) and which are secrets (so that they can be masked).
 * {@link #collecting collecting} settings also record every invalid value instead of throwing, and answer the
 * default (or the example), so that the provider's create() reads on: every mistake is reported at once, and the
 * keys after a bad one are not mistaken for unknown ones.
 */
public final class PropertySettings implements Settings {
  private final String prefix;
  private final String namespace;
  private final InstantSource clock;
  private final Map<String, String> values;
  private final Set<String> read = Collections.synchronizedSet(new LinkedHashSet<>());
  private final Set<String> secrets = Collections.synchronizedSet(new LinkedHashSet<>());
  private final List<ConfigException> problems;

  private PropertySettings(String prefix, String namespace, InstantSource clock, Map<String, String> values,
      boolean collect) {
    this.problems = collect ? Collections.synchronizedList(new ArrayList<>()) : null;
    this.prefix = prefix.endsWith(".") ? prefix : prefix + ".";
    this.namespace = namespace;
    this.clock = clock;
    this.values = new TreeMap<>(values);
  }

  /** Settings over {@code values}, whose keys are relative to {@code prefix}. */
  public static PropertySettings of(String prefix, String namespace, InstantSource clock, Map<String, String> values) {
    return new PropertySettings(prefix, namespace, clock, values, false);
  }

  /** Settings that record invalid values in {@link #problems()} instead of throwing. */
  public static PropertySettings collecting(String prefix, String namespace, InstantSource clock,
      Map<String, String> values) {
    return new PropertySettings(prefix, namespace, clock, values, true);
  }

  /** The mistakes recorded by collecting settings, in the order found. */
  public List<ConfigException> problems() {
    return problems == null ? List.of() : List.copyOf(problems);
  }

  @Override
  public void reject(String key, String message, String example) {
    checked(null, () -> {
      throw error(key, message, example);
    });
  }

  /** {@code parse}'s value; when it fails, collecting settings record the mistake and answer {@code fallback}. */
  private <T> T checked(T fallback, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ConfigException e) {
      if (problems == null) {
        throw e;
      }
      problems.add(e);
      return fallback;
    }
  }

  /** The relative keys that were set but never read: unknown to the provider. */
  public Set<String> unreadKeys() {
    Set<String> unread = new TreeSet<>(values.keySet());
    unread.removeAll(read);
    return unread;
  }

  /** The relative keys that were read, as candidates for a "did you mean". */
  public Set<String> readKeys() {
    return Set.copyOf(read);
  }

  /** The relative keys marked secret. */
  public Set<String> secretKeys() {
    return Set.copyOf(secrets);
  }

  @Override
  public String prefix() {
    return prefix;
  }

  @Override
  public String namespace() {
    return namespace;
  }

  @Override
  public InstantSource clock() {
    return clock;
  }

  @Override
  public Optional<String> find(String key) {
    read.add(key);
    String v = values.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  @Override
  public String string(String key, String example) {
    return find(key).orElseGet(() -> checked(example, () -> {
      throw error(key, "is required", example);
    }));
  }

  @Override
  public String string(String key, String defaultValue, String example) {
    return find(key).orElse(defaultValue);
  }

  @Override
  public int intOf(String key, int defaultValue, int min, int max) {
    return (int) longOf(key, defaultValue, min, max);
  }

  @Override
  public long longOf(String key, long defaultValue, long min, long max) {
    String example = String.valueOf(Math.max(min, Math.min(max, defaultValue)));
    return typed(key, defaultValue, v -> Values.wholeNumber(key(key), v, min, max, example));
  }

  @Override
  public boolean booleanOf(String key, boolean defaultValue) {
    return typed(key, defaultValue, v -> switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ConfigException.invalid(key(key), v, "true or false", String.valueOf(defaultValue));
    });
  }

  @Override
  public Duration durationOf(String key, Duration defaultValue) {
    String example = defaultValue == null ? "30s" : Durations.format(defaultValue);
    return typed(key, defaultValue, v -> Durations.read(key(key), v, example));
  }

  @Override
  public String oneOf(String key, String defaultValue, Set<String> allowed) {
    return typed(key, defaultValue, v -> {
      if (!allowed.contains(v)) {
        throw ConfigException.invalid(key(key), v, "one of " + new TreeSet<>(allowed), defaultValue);
      }
      return v;
    });
  }

  /** The default when {@code key} is unset, else {@code parse}'s value, {@link #checked checked}. */
  private <T> T typed(String key, T defaultValue, Function<String, T> parse) {
    Optional<String> v = find(key);
    return v.isEmpty() ? defaultValue : checked(defaultValue, () -> parse.apply(v.get()));
  }

  @Override
  public Optional<String> secret(String key) {
    secrets.add(key);
    return find(key);
  }
}
