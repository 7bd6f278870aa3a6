package dev.bugle.backend.redis.internal;

import static dev.bugle.backend.redis.internal.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonReprTest {

  @Test
  void callStringLikeRqs() {
    assertThat(PythonRepr.call("tasks.f", Arrays.asList("a", 1, 2.5, null, true, List.of(1), map("k", "v")),
        map("z", 1, "a", false))).isEqualTo("tasks.f('a', 1, 2.5, None, True, [1], {'k': 'v'}, a=False, z=1)");
  }

  @Test
  void stringsQuoteAndEscapeAsPythonDoes() {
    assertThat(PythonRepr.call("f", List.of("it's", "say \"hi\"", "both ' \"", "tab\t\\", "Grüße"), map()))
        .isEqualTo("f(\"it's\", 'say \"hi\"', 'both \\' \"', 'tab\\t\\\\', 'Grüße')");
  }
}
