package dev.bugle.spring;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Collects every {@code bugle.*} property of a Spring {@link ConfigurableEnvironment} into the map that
 * {@code Bugle.fromProperties} reads, so that the keys, the validation and the messages are exactly the properties
 * file's.
 *
 * <ul>
 *   <li>All enumerable property sources, in Spring's order of precedence: the first source that has a key wins
 *       (command-line arguments over system properties over {@code application.yml}/{@code .properties}).</li>
 *   <li>Keys are taken as written, dotted: YAML's nesting is flattened by Spring to the same dotted keys
 *       ({@code bugle: {schedule: {tick: {every: 1s}}}} is {@code bugle.schedule.tick.every}). There is no relaxed
 *       binding: {@code bugle.schedule.tick.misfireWindow} is an unknown key, as in the file, and environment
 *       variables such as {@code BUGLE_NAMESPACE} are not read as keys.</li>
 *   <li>Values are the raw ones: Spring's {@code ${...}} placeholders are not resolved here, so
 *       {@code ${NAME}} and {@code ${NAME:-default}} are expanded from the process environment by Bugle, as in the
 *       file.</li>
 *   <li>{@link #ENABLED} is the starter's own switch and is not passed on.</li>
 * </ul>
 */
public final class BugleEnvironment {
  /** The key that switches the starter off ({@code bugle.enabled=false}); not a key of the properties file. */
  public static final String ENABLED = "bugle.enabled";
  static final String PREFIX = "bugle.";

  private BugleEnvironment() {
  }

  /** Every {@code bugle.*} property but {@link #ENABLED}, sorted by key. */
  public static Map<String, String> properties(ConfigurableEnvironment environment) {
    Map<String, String> out = new TreeMap<>();
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
        continue; // includes Spring Boot's attached "configurationProperties" view of all the others
      }
      for (String name : enumerable.getPropertyNames()) {
        if (name.startsWith(PREFIX) && !out.containsKey(name)) {
          Object value = enumerable.getProperty(name);
          if (value != null) {
            out.put(name, value.toString());
          }
        }
      }
    }
    out.remove(ENABLED);
    return out;
  }
}
