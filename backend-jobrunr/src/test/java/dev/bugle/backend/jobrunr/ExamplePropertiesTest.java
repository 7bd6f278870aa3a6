package dev.bugle.backend.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.bugle.core.JobRequest;
import dev.bugle.core.PropertySettings;
import dev.bugle.spi.Enqueuer;
import dev.bugle.spi.JobJson;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example configuration (examples/jobrunr/bugle.properties) is valid for this enqueuer, without connecting. */
class ExamplePropertiesTest {
  private static final Path FILE = Path.of("../examples/jobrunr/bugle.properties");
  private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

  @Test
  void enqueuerSettingsAndEverySchedulesJobAreValid() throws Exception {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> enqueuer = new TreeMap<>();
    p.stringPropertyNames().stream().filter(k -> k.startsWith("bugle.enqueuer.jobs.") && !k.endsWith(".type"))
        .forEach(k -> enqueuer.put(k.substring("bugle.enqueuer.jobs.".length()),
            DEFAULTED.matcher(p.getProperty(k)).replaceAll("$1")));
    assertThat(p.getProperty("bugle.enqueuer.jobs.type")).isEqualTo("jobrunr");
    PropertySettings settings = PropertySettings.of("bugle.enqueuer.jobs.", "shop", InstantSource.system(), enqueuer);
    try (Enqueuer e = new JobRunrEnqueuerProvider().create(settings)) {
      assertThat(settings.unreadKeys()).isEmpty();
      List<String> schedules = p.stringPropertyNames().stream().filter(k -> k.matches("bugle\\.schedule\\.[^.]+\\.job"))
          .map(k -> k.split("\\.")[2]).sorted().toList();
      assertThat(schedules).containsExactly("ping", "weekly-digest");
      for (String s : schedules) {
        String base = "bugle.schedule." + s + ".";
        assertThat(p.getProperty(base + "enqueuer")).isEqualTo("jobs");
        List<Object> args = JobJson.mapper().readValue(p.getProperty(base + "args"), new TypeReference<>() { });
        Map<String, String> options = new TreeMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith(base + "option."))
            .forEach(k -> options.put(k.substring((base + "option.").length()), p.getProperty(k)));
        assertThat(e.jobOptions()).containsAll(options.keySet());
        JobRequest sample = JobRequest.of("shop", s, Instant.parse("2026-01-05T08:00:00Z"),
            p.getProperty(base + "job"), null, args, Map.of(), options);
        assertThatCode(() -> e.validate(sample)).as(s).doesNotThrowAnyException();
      }
    }
  }
}
