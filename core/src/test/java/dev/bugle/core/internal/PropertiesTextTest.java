package dev.bugle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader keeps line numbers but must read exactly what {@link Properties#load} reads. */
class PropertiesTextTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "a=1\nb = 2\nc:3\nd 4\n  e\t=\t5  \n",
      "# comment\n! bang\n\n   \nkey=value\\\n    continued\\\\\nnext=x",
      "a\\=b=c\nsp\\ ace=1\nu=\\u00e9\\t\\n\\r\\f\\q\n",
      "crlf=1\r\ncr=2\rlf=3\n# c \\\nnotcontinued=4",
      "empty=\nnovalue\ncolon::x\neq==x\nlast=\\",
      "k\\\n  ey=v\n#x=y\n  !z=w\nv=a\\\n# not a comment\n"})
  void readsWhatPropertiesReads(String text) throws Exception {
    Properties p = new Properties();
    p.load(new StringReader(text));
    Map<String, String> expected = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> expected.put(k, p.getProperty(k)));
    Map<String, String> actual = new LinkedHashMap<>();
    PropertiesText.parse(text).forEach(e -> actual.put(e.key(), e.value()));
    assertThat(actual).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void keepsTheLineOfEachEntry() {
    assertThat(PropertiesText.parse("a=1\n# c\nb=x\\\n  y\r\nc=3").stream().map(PropertiesText.Entry::line))
        .containsExactly(1, 3, 5);
  }
}
