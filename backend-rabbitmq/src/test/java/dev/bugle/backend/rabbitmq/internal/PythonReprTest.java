package dev.bugle.backend.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonReprTest {

  @Test
  void rendersJsonValuesAsPythonLiterals() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", "Grüße, 世界");
    m.put("ok", true);
    m.put("none", null);
    List<Object> args = Arrays.asList("a", 42, 2.5, 3.0, m, List.of(false), -7L);
    assertThat(PythonRepr.of(args, 1024))
        .isEqualTo("['a', 42, 2.5, 3.0, {'text': 'Grüße, 世界', 'ok': True, 'none': None}, [False], -7]");
  }

  @Test
  void quotesAndEscapesAsPythonDoes() {
    assertThat(PythonRepr.of("it's", 100)).isEqualTo("\"it's\"");
    assertThat(PythonRepr.of("say \"hi\" it's", 100)).isEqualTo("'say \"hi\" it\\'s'");
    assertThat(PythonRepr.of("a\\b\n\t\u0001", 100)).isEqualTo("'a\\\\b\\n\\t\\x01'");
    assertThat(PythonRepr.of(1e20, 100)).isEqualTo("1.0e20");
  }

  @Test
  void cutsLongTextLikeSaferepr() {
    String repr = PythonRepr.of(List.of("x".repeat(2000)), 1024);
    assertThat(repr).hasSize(1024).endsWith("...");
  }
}
