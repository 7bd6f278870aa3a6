package dev.bugle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Celery's argsrepr/kwargsrepr and RQ's call string, as Python renders them. */
class PythonReprTest {

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void rendersJsonValuesAsPythonLiterals() {
    Map<String, Object> m = map("text", "Grüße, 世界", "ok", true, "none", null);
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

  @Test
  void callStringLikeRqs() {
    assertThat(PythonRepr.call("tasks.f", Arrays.asList("a", 1, 2.5, null, true, List.of(1), map("k", "v")),
        map("z", 1, "a", false))).isEqualTo("tasks.f('a', 1, 2.5, None, True, [1], {'k': 'v'}, a=False, z=1)");
    assertThat(PythonRepr.call("f", List.of(), map("b", 2, "a", 1))).isEqualTo("f(a=1, b=2)");
    assertThat(PythonRepr.call("f", List.of(), map())).isEqualTo("f()");
  }

  @Test
  void callStringsQuoteAndEscapeAsPythonDoes() {
    assertThat(PythonRepr.call("f", List.of("it's", "say \"hi\"", "both ' \"", "tab\t\\", "Grüße"), map()))
        .isEqualTo("f(\"it's\", 'say \"hi\"', 'both \\' \"', 'tab\\t\\\\', 'Grüße')");
  }
}
