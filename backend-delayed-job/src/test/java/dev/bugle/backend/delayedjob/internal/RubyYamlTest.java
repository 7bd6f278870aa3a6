package dev.bugle.backend.delayedjob.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RubyYamlTest {
  private static String dump(Object value) {
    return RubyYaml.dump(RubyYaml.value(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "Yes", "NO", "on", "Off", "true", "FALSE", "y", "n", "~", "null", "Null", "nil",
      "", " x", "123", "-1", "1.5", "1,000", "0x1F", "017", "0b1", "1e3", "1:30", ".inf", ".nan", "2024-01-01",
      "2024-01-01T10:00:00Z", ":sym", "!tag", "&a", "*a", "#c", "@a", "`a", "%a", "- a", "? a", "a: b", "[a]",
      "{a}", "|", ">", "'a'", "\"a\"", "a b", "Grüße", "a\nb", "a-b", "a.b", "<<", "="})
  void everyStringPsychCouldRetypeIsDoubleQuoted(String s) {
    assertThat(dump(s)).startsWith("--- \"").endsWith("\"\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"HelloJob", "Jobs::Hello", "en", "UTC", "default", "_private", "snake_case", "x1", "Nope"})
  void identifiersStayPlainAsRubyWritesThem(String s) {
    assertThat(dump(s)).isEqualTo("--- " + s + "\n");
  }

  @Test
  void textIsWrittenAsUtf8AndControlCharactersAreEscaped() {
    assertThat(dump("Grüße, 世界 🎉")).isEqualTo("--- \"Grüße, 世界 🎉\"\n");
    // U+2028 stays as it is: Psych keeps it inside double quotes (the DelayedJobWorker ITs send one).
    assertThat(dump("tab\tnul\u0000ls\u2028\"\\")).isEqualTo("--- \"tab\\tnul\\0ls\u2028\\\"\\\\\"\n");
  }

  @Test
  void floatsAlwaysHaveADotAndASignedExponentAsPsychsFloatPatternNeeds() {
    assertThat(RubyYaml.rubyFloat(2.5)).isEqualTo("2.5");
    assertThat(RubyYaml.rubyFloat(100.0)).isEqualTo("100.0");
    assertThat(RubyYaml.rubyFloat(1.0E10)).isEqualTo("1.0E+10");
    assertThat(RubyYaml.rubyFloat(-1.0E-7)).isEqualTo("-1.0E-7");
    assertThat(RubyYaml.rubyFloat(2.5f)).isEqualTo("2.5");
    assertThat(RubyYaml.rubyFloat(new BigDecimal("1E+3"))).isEqualTo("1.0E+3");
    assertThat(RubyYaml.rubyFloat(new BigDecimal("12"))).isEqualTo("12.0");
    assertThat(RubyYaml.rubyFloat(new BigDecimal("1.25"))).isEqualTo("1.25");
    assertThat(RubyYaml.rubyFloat(Double.NaN)).isEqualTo(".nan");
    assertThat(RubyYaml.rubyFloat(Double.NEGATIVE_INFINITY)).isEqualTo("-.inf");
  }

  @Test
  void jsonValuesBecomeBlockYamlWithQuotedKeys() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("1", 1);
    m.put("name", "yes");
    m.put("list", Arrays.asList(true, null, 2.5, new BigInteger("123456789012345678901234567890")));
    m.put("empty", Map.of());
    m.put("none", List.of());
    assertThat(dump(m)).isEqualTo("""
        ---
        "1": 1
        name: "yes"
        list:
        - true
        - null
        - 2.5
        - 123456789012345678901234567890
        empty: {}
        none: []
        """);
  }

  @Test
  void symbolsAndClassesAreWrittenAsRubyWritesThem() {
    assertThat(RubyYaml.dump(RubyYaml.symbol("deliver"))).isEqualTo("--- :deliver\n");
    assertThat(RubyYaml.dump(RubyYaml.symbol("deliver!"))).isEqualTo("--- :deliver!\n");
    assertThat(RubyYaml.dump(RubyYaml.rubyClass("Mailer"))).isEqualTo("--- !ruby/class 'Mailer'\n");
  }
}
