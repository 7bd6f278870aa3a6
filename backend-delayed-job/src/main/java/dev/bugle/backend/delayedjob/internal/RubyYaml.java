package dev.bugle.backend.delayedjob.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * YAML nodes as Ruby's Psych reads them back, emitted by snakeyaml-engine.
 *
 * <p>Psych resolves plain scalars with YAML 1.1 rules plus Ruby's own: {@code yes}/{@code no}/{@code on}/
 * {@code off} are booleans, {@code 1,000} and {@code 0x1F} and {@code 1:30} are integers, {@code 2024-01-01}
 * is a Date, {@code :name} is a Symbol, and {@code 1.0E10} (no exponent sign) stays a String. So a string is
 * left plain only when it looks like an identifier ({@code HelloJob}, {@code Jobs::Hello}, {@code en}) and is
 * not one of those words; every other string is double-quoted, which Psych never re-types.
 */
public final class RubyYaml {
  private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern METHOD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*[?!]?");
  private static final Set<String> WORDS = Set.of(
      "y", "n", "yes", "no", "true", "false", "on", "off", "null", "nil", "nan", "inf");
  private static final DumpSettings SETTINGS = DumpSettings.builder()
      .setExplicitStart(true)
      .setDefaultFlowStyle(FlowStyle.BLOCK)
      .setUseUnicodeEncoding(true)
      .setSplitLines(false)
      .setWidth(Integer.MAX_VALUE)
      .build();
  // Thread-safe: dumpNode makes a new serializer and emitter per call. Built once, as its representer is costly.
  private static final Dump DUMP = new Dump(SETTINGS);

  private RubyYaml() {
  }

  /** The YAML document ({@code --- ...}) for {@code root}. */
  public static String dump(Node root) {
    StringBuilder out = new StringBuilder(256);
    DUMP.dumpNode(root, new StreamDataWriter() {
      @Override
      public void write(String str) {
        out.append(str);
      }

      @Override
      public void write(String str, int off, int len) {
        out.append(str, off, off + len);
      }
    });
    return out.toString();
  }

  /** A mapping tagged like {@code !ruby/object:Name}; pass {@code null} for a plain Hash. */
  public static MappingNode mapping(String tag, List<NodeTuple> entries) {
    return new MappingNode(tag == null ? Tag.MAP : new Tag(tag), entries, FlowStyle.BLOCK);
  }

  /** One {@code key: value} entry of a mapping, with a string key. */
  public static NodeTuple entry(String key, Node value) {
    return new NodeTuple(string(key), value);
  }

  /** A String that Psych reads back as the same String. */
  public static ScalarNode string(String s) {
    boolean plain = PLAIN_SAFE.matcher(s).matches() && !WORDS.contains(s.toLowerCase(Locale.ROOT));
    return new ScalarNode(Tag.STR, s, plain ? ScalarStyle.PLAIN : ScalarStyle.DOUBLE_QUOTED);
  }

  /** A Symbol, written as Ruby writes it: {@code :deliver}, {@code :deliver!}. {@code name} is a method name. */
  public static ScalarNode symbol(String name) {
    if (!METHOD_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a Ruby identifier: " + name);
    }
    return new ScalarNode(Tag.STR, ":" + name, ScalarStyle.PLAIN);
  }

  /** A Ruby class reference: {@code !ruby/class 'Mailer'}. */
  public static ScalarNode rubyClass(String name) {
    return new ScalarNode(new Tag("!ruby/class"), name, ScalarStyle.SINGLE_QUOTED);
  }

  /** An Integer. */
  public static ScalarNode integer(long n) {
    return new ScalarNode(Tag.INT, Long.toString(n), ScalarStyle.PLAIN);
  }

  /** A JSON value as plain Java (String, Number, Boolean, null, List, Map with String keys). */
  public static Node value(Object v) {
    if (v == null) {
      return new ScalarNode(Tag.NULL, "null", ScalarStyle.PLAIN);
    }
    if (v instanceof String s) {
      return string(s);
    }
    if (v instanceof Boolean b) {
      return new ScalarNode(Tag.BOOL, b.toString(), ScalarStyle.PLAIN);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      return new ScalarNode(Tag.INT, v.toString(), ScalarStyle.PLAIN);
    }
    if (v instanceof Number n) {
      return new ScalarNode(Tag.FLOAT, rubyFloat(n), ScalarStyle.PLAIN);
    }
    if (v instanceof List<?> list) {
      List<Node> items = new ArrayList<>(list.size());
      list.forEach(item -> items.add(value(item)));
      return new SequenceNode(Tag.SEQ, items, FlowStyle.BLOCK);
    }
    if (v instanceof Map<?, ?> map) {
      List<NodeTuple> entries = new ArrayList<>(map.size());
      map.forEach((k, item) -> entries.add(entry(String.valueOf(k), value(item))));
      return mapping(null, entries);
    }
    throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
  }

  /**
   * A float in the form Psych's FLOAT pattern reads: a dot always, and a signed exponent ({@code 1.0E+10};
   * Java's {@code 1.0E10} would come back as a String).
   */
  static String rubyFloat(Number n) {
    if (n instanceof BigDecimal bd) {
      String s = bd.toString(); // an exponent here is always signed: 1E+3, 1.5E-7
      int e = s.indexOf('E');
      return s.contains(".") ? s : e < 0 ? s + ".0" : s.substring(0, e) + ".0" + s.substring(e);
    }
    double d = n.doubleValue();
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    String s = n instanceof Float f ? Float.toString(f) : Double.toString(d);
    return s.contains("E-") ? s : s.replace("E", "E+");
  }
}
