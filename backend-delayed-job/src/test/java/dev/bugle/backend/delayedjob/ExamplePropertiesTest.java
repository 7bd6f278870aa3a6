package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.bugle.core.JobRequest;
import dev.bugle.core.PropertySettings;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.JobJson;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** examples/delayed-job/bugle.properties stays valid: every enqueuer key known, every schedule's job writable. */
class ExamplePropertiesTest {
  private static final Pattern ENV = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

  @Test
  void theExampleConfigurationIsValid() throws Exception {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(PostgresTables.examplePath("bugle.properties"), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> enqueuer = new LinkedHashMap<>();
    String prefix = "bugle.enqueuer.rails.";
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(prefix) && !key.equals(prefix + "type")) {
        Matcher m = ENV.matcher(p.getProperty(key));
        enqueuer.put(key.substring(prefix.length()), m.replaceAll("$1"));
      }
    }
    assertThat(p.getProperty(prefix + "type")).isEqualTo(DelayedJobEnqueuerProvider.TYPE);
    PropertySettings settings = PropertySettings.of(prefix, "shop", InstantSource.system(), enqueuer);
    try (Enqueuer e = new DelayedJobEnqueuerProvider().create(settings)) {
      assertThat(settings.unreadKeys()).isEmpty();
      assertThat(e.deduplicates()).isTrue();
      TreeSet<String> schedules = new TreeSet<>();
      p.stringPropertyNames().stream().filter(k -> k.startsWith("bugle.schedule."))
          .forEach(k -> schedules.add(k.split("\\.")[2]));
      assertThat(schedules).containsExactly("cleanup", "currency-rates", "hourly-ping", "weekly-digest");
      for (String s : schedules) {
        String base = "bugle.schedule." + s + ".";
        Map<String, String> options = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith(base + "option."))
            .forEach(k -> options.put(k.substring((base + "option.").length()), p.getProperty(k)));
        List<Object> args = JobJson.mapper().readValue(p.getProperty(base + "args", "[]"), new TypeReference<>() { });
        Map<String, Object> kwargs = JobJson.mapper().readValue(p.getProperty(base + "kwargs", "{}"),
            new TypeReference<>() { });
        assertThat(p.getProperty(base + "enqueuer")).isEqualTo("rails");
        assertThat(e.jobOptions()).containsAll(options.keySet());
        e.validate(JobRequest.of("shop", s, Instant.now(), p.getProperty(base + "job"), p.getProperty(base + "queue"),
            args, kwargs, options));
      }
    }
  }
}
