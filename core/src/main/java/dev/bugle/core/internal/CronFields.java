package dev.bugle.core.internal;

import com.cronutils.model.Cron;
import com.cronutils.model.SingleCron;
import com.cronutils.model.definition.CronConstraint;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.field.CronField;
import com.cronutils.model.field.expression.visitor.ValidationFieldExpressionVisitor;
import com.cronutils.parser.CronParser;
import com.cronutils.parser.CronParserField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * cron-utils' parser for one cron definition, with its fields shared between expressions. cron-utils validates
 * every field of every expression with a visitor that compiles several regular expressions; a large
 * configuration has thousands of expressions but only a few hundred distinct fields ({@code 0}, {@code *},
 * {@code MON-FRI}, ...), so each field is parsed and validated once and the expression is assembled from them.
 *
 * <p>Only an expression whose every field parses and validates is assembled here; anything else (a bad field, a
 * cross-field constraint, a composite with {@code |}, a trailing comma, another field count) goes to cron-utils'
 * own {@link CronParser#parse}, so that results and error messages are exactly cron-utils'.
 */
final class CronFields {
  /** Parsed and validated fields, by the parser field (position and constraints), then by the field's text. */
  private static final Map<CronParserField, Map<String, CronField>> CACHE = new ConcurrentHashMap<>();

  private final CronDefinition definition;
  private final CronParser parser;
  /** The fields in the order cron-utils' parser expects them in a full-length expression. */
  private final List<CronParserField> fields;

  CronFields(CronDefinition definition) {
    this.definition = definition;
    this.parser = new CronParser(definition);
    this.fields = definition.getFieldDefinitions().stream()
        .map(d -> new CronParserField(d.getFieldName(), d.getConstraints(), d.isOptional()))
        .sorted(CronParserField.createFieldTypeComparator())
        .toList();
  }

  /** What {@code parser.parse(expression)} returns or throws; {@code expression} has single spaces, trimmed. */
  Cron parse(String expression) {
    Cron cron = assemble(expression);
    return cron != null ? cron : parser.parse(expression);
  }

  /** The expression from shared fields, or null when cron-utils' parser must decide. */
  private Cron assemble(String expression) {
    if (expression.isEmpty() || expression.startsWith("@") || expression.indexOf('|') >= 0) {
      return null;
    }
    String[] parts = expression.toUpperCase().split(" "); // as cron-utils splits (default locale)
    if (parts.length != fields.size()) {
      return null;
    }
    List<CronField> parsed = new ArrayList<>(parts.length + 1);
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].endsWith(",")) {
        return null;
      }
      CronField f = field(fields.get(i), parts[i]);
      if (f == null) {
        return null;
      }
      parsed.add(f);
    }
    SingleCron cron = new SingleCron(definition, parsed);
    for (CronConstraint c : definition.getCronConstraints()) {
      if (!c.validate(cron)) {
        return null;
      }
    }
    return cron;
  }

  private CronField field(CronParserField parserField, String text) {
    Map<String, CronField> byText = CACHE.computeIfAbsent(parserField, f -> new ConcurrentHashMap<>());
    CronField known = byText.get(text);
    if (known != null) {
      return known;
    }
    try {
      CronField f = parserField.parse(text);
      // The same validation as SingleCron.validate() runs for this field.
      f.getExpression().accept(new ValidationFieldExpressionVisitor(
          definition.getFieldDefinition(f.getField()).getConstraints()));
      byText.putIfAbsent(text, f);
      return f;
    } catch (RuntimeException e) {
      return null; // cron-utils' parser reports it
    }
  }
}
