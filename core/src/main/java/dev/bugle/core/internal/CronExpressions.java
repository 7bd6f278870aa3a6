package dev.bugle.core.internal;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Parses cron expressions with cron-utils: 5 fields (Unix), 6 (with seconds first), 7 (with a year last), and
 * the nicknames {@code @hourly} … {@code @yearly}. Day-of-week numbers follow Unix cron in every form (0 or 7
 * is Sunday) and a restricted day-of-month is ORed with a restricted day-of-week, as Vixie cron does.
 * Parsed expressions are shared: parsing plus the first next-fire costs tens of microseconds cold, and large
 * configurations repeat the same few expressions.
 */
public final class CronExpressions {
  public static final String EXAMPLES = "'0 * * * *' (hourly), '30 2 * * MON-FRI', '*/15 * * * *',"
      + " '0 0 9 * * MON' (6 fields: with seconds), '0 0 9 1 * ? 2027' (7 fields: with a year), '@daily'";

  private static final Map<String, String> NICKNAMES = Map.of(
      "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
      "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
  private static final CronFields UNIX = new CronFields(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronFields WITH_SECONDS = new CronFields(withSeconds(false));
  private static final CronFields WITH_YEAR = new CronFields(withSeconds(true));
  private static final Map<String, Parsed> CACHE = new ConcurrentHashMap<>();
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** A parsed expression and whether its hour field is fixed (not a wildcard or a step over a wildcard). */
  public record Parsed(String expression, ExecutionTime executionTime, boolean fixedHour) {
  }

  private CronExpressions() {
  }

  /** The parsed expression, or an {@link IllegalArgumentException} whose message shows parsable examples. */
  public static Parsed parse(String expression) {
    Parsed known = CACHE.get(expression); // the common case: an expression written plainly, seen before
    if (known != null) {
      return known;
    }
    String normalized = SPACES.matcher(expression.trim()).replaceAll(" ");
    return CACHE.computeIfAbsent(normalized, CronExpressions::parseUncached);
  }

  private static Parsed parseUncached(String expression) {
    String unix = NICKNAMES.getOrDefault(expression.toLowerCase(Locale.ROOT), expression);
    if (unix.startsWith("@")) {
      throw new IllegalArgumentException("unknown nickname '" + expression + "'; known: @hourly, @daily, @midnight,"
          + " @weekly, @monthly, @yearly, @annually");
    }
    String[] fields = unix.split(" ");
    CronFields parser;
    int hourField;
    switch (fields.length) {
      case 5 -> { parser = UNIX; hourField = 1; }
      case 6 -> { parser = WITH_SECONDS; hourField = 2; }
      case 7 -> { parser = WITH_YEAR; hourField = 2; }
      default -> throw new IllegalArgumentException("a cron expression has 5, 6 or 7 fields, this one has "
          + fields.length);
    }
    try {
      ExecutionTime time = ExecutionTime.forCron(parser.parse(unix));
      String hour = fields[hourField];
      return new Parsed(expression, time, !(hour.startsWith("*") || hour.equals("?")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static CronDefinition withSeconds(boolean year) {
    CronDefinitionBuilder b = CronDefinitionBuilder.defineCron()
        .withSeconds().withValidRange(0, 59).withStrictRange().and()
        .withMinutes().withValidRange(0, 59).withStrictRange().and()
        .withHours().withValidRange(0, 23).withStrictRange().and()
        .withDayOfMonth().withValidRange(1, 31).supportsL().supportsW().supportsLW().supportsQuestionMark()
        .withStrictRange().and()
        .withMonth().withValidRange(1, 12).withStrictRange().and()
        .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0).supportsHash().supportsL()
        .supportsQuestionMark().withStrictRange().and();
    if (year) {
      b = b.withYear().withValidRange(1970, 2099).withStrictRange().and();
    }
    return b.instance();
  }
}
