package dev.bugle.backend.redis.internal;

import dev.bugle.core.ConfigException;
import dev.bugle.core.JobRequest;
import dev.bugle.core.internal.Durations;
import dev.bugle.spi.Settings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * An option a schedule may set ({@code bugle.schedule.NAME.option.KEY}) over the enqueuer's own setting of the
 * same name ({@code bugle.enqueuer.NAME.KEY}), which is the default. Both are parsed the same way, and a bad
 * value is a {@link ConfigException} naming the key it came from.
 *
 * @param value the enqueuer's value, or the built-in default; null means "leave it out of the payload"
 */
public record JobOption<T>(String key, Parser<T> parser, T value) {

  /** Parses one value; throws {@link ConfigException} via {@link #invalid} when it is bad. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(String fullKey, String raw);
  }

  /** The enqueuer-level option, read from {@code settings} (so that the key is known), or {@code defaultValue}. */
  public static <T> JobOption<T> read(Settings settings, String key, Parser<T> parser, T defaultValue) {
    T value = settings.find(key).map(raw -> parser.parse(settings.key(key), raw)).orElse(defaultValue);
    return new JobOption<>(key, parser, value);
  }

  /** The schedule's own value when it sets one, else the enqueuer's. */
  public T resolve(JobRequest job) {
    String raw = job.options().get(key);
    return raw == null || raw.isBlank() ? value : parser.parse(Jobs.key(job, "option." + key), raw.trim());
  }

  /** {@code true}, {@code false} or a whole number ≥ 0 (Sidekiq's {@code retry} and {@code backtrace}). */
  public static Object booleanOrCount(String fullKey, String raw) {
    if (raw.equals("true") || raw.equals("false")) {
      return Boolean.valueOf(raw);
    }
    try {
      int n = Integer.parseInt(raw);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(fullKey, raw, "true, false or a whole number >= 0", "5");
  }

  /** A comma-separated list of non-blank words. */
  public static List<String> list(String fullKey, String raw) {
    List<String> items = Arrays.stream(raw.split(",")).map(String::trim).toList();
    if (items.stream().anyMatch(String::isEmpty)) {
      throw invalid(fullKey, raw, "a comma-separated list of non-blank values", "billing,nightly");
    }
    return items;
  }

  /** A duration in whole seconds ({@code 3m} is 180), or {@code -1} for "no limit" as RQ has it. */
  public static Long secondsOrForever(String fullKey, String raw) {
    if (raw.equals("-1")) {
      return -1L;
    }
    try {
      Duration d = Durations.parse(raw);
      if (d.toSeconds() >= 1 && d.toNanos() % 1_000_000_000L == 0) {
        return d.toSeconds();
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      // reported below
    }
    throw invalid(fullKey, raw, "whole seconds of at least 1s (" + Durations.EXAMPLES + ") or -1 for no limit",
        "3m");
  }

  /** Any non-blank text. */
  public static String text(String fullKey, String raw) {
    return raw;
  }

  public static ConfigException invalid(String fullKey, String raw, String expected, String example) {
    return ConfigException.invalid(fullKey, raw, expected, example);
  }
}
