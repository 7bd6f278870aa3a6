package dev.bugle.backend.jobrunr.internal;

import dev.bugle.core.ConfigException;
import dev.bugle.support.JobJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jobrunr.jobs.JobParameter;

/**
 * Turns one JSON arg into a JobRunr {@link JobParameter} with an explicit {@code actualClassName}, so that the
 * worker deserializes it as that class and finds the method by it.
 *
 * <p>Undeclared args are typed by their JSON value: string → String, integer → Integer (Long beyond int),
 * decimal → Double, true/false → Boolean, array → ArrayList, object → LinkedHashMap; a null must be declared.
 * Declared built-in types are converted and checked here; any other declared class gets the JSON value stored as
 * written, for the worker's Jackson to read into that class.
 */
public final class ArgMapper {
  private final String argsKey;
  private final String typesKey;

  /** {@code argsKey} and {@code typesKey} are the full property keys named in errors. */
  public ArgMapper(String argsKey, String typesKey) {
    this.argsKey = argsKey;
    this.typesKey = typesKey;
  }

  /** The parameter for {@code args[index]}; {@code declared} is a resolved class name, or null to infer. */
  public JobParameter toParameter(int index, String declared, Object value) {
    String type = declared != null ? declared : inferred(index, value);
    Object object = value == null ? null : convert(index, type, value);
    return new JobParameter(type, type, object);
  }

  private String inferred(int index, Object value) {
    if (value == null) {
      throw new ConfigException(argsKey, "args[" + index + "] is null, and a null has no type: declare one in "
          + typesKey + "; for example: " + typesKey + "=" + ArgTypes.EXAMPLE);
    }
    if (value instanceof List) {
      return "java.util.ArrayList";
    }
    if (value instanceof Map) {
      return "java.util.LinkedHashMap";
    }
    return value.getClass().getName(); // String, Integer, Long, BigInteger, Double, BigDecimal, Boolean
  }

  private Object convert(int index, String type, Object value) {
    if (!ArgTypes.isBuiltIn(type)) {
      return value.getClass().getName().equals(type) ? value : JobJson.mapper().valueToTree(value);
    }
    Object converted = switch (type) {
      case "java.lang.String" -> value instanceof String ? value : null;
      case "java.lang.Integer" -> integral(value) != null && integral(value).bitLength() < 32
          ? integral(value).intValue() : null;
      case "java.lang.Long" -> integral(value) != null && integral(value).bitLength() < 64
          ? integral(value).longValue() : null;
      case "java.lang.Double" -> value instanceof Number n ? n.doubleValue() : null;
      case "java.lang.Boolean" -> value instanceof Boolean ? value : null;
      case "java.util.UUID" -> uuid(value);
      case "java.time.Instant" -> instant(value);
      case "java.util.ArrayList" -> value instanceof List ? plain(value) : null;
      case "java.util.LinkedHashMap" -> value instanceof Map ? plain(value) : null;
      default -> null;
    };
    if (converted == null) {
      throw new ConfigException(argsKey, "args[" + index + "] is " + JobJson.write(value) + ", which is not a "
          + type + " as " + typesKey + " declares (" + example(type) + ")");
    }
    return converted;
  }

  /** Lists and maps copied into ArrayList and LinkedHashMap, all the way down, so JobRunr records real classes. */
  static Object plain(Object value) {
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(plain(v)));
      return copy;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, plain(v)));
      return copy;
    }
    return value;
  }

  private static BigInteger integral(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger b) {
      return b;
    }
    if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
      return d.toBigIntegerExact();
    }
    return null;
  }

  private static UUID uuid(Object value) {
    if (value instanceof String s) {
      try {
        UUID u = UUID.fromString(s);
        return u.toString().equalsIgnoreCase(s) ? u : null; // fromString accepts "1-2-3-4-5"
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  private static Instant instant(Object value) {
    if (value instanceof String s) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  private static String example(String type) {
    return switch (type) {
      case "java.lang.String" -> "a JSON string";
      case "java.lang.Integer" -> "a whole number in [-2^31, 2^31)";
      case "java.lang.Long" -> "a whole number in [-2^63, 2^63)";
      case "java.lang.Double" -> "a JSON number";
      case "java.lang.Boolean" -> "true or false";
      case "java.util.UUID" -> "a string like \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"";
      case "java.time.Instant" -> "an ISO-8601 string like \"2026-01-05T09:00:00Z\"";
      case "java.util.ArrayList" -> "a JSON array";
      default -> "a JSON object";
    };
  }
}
