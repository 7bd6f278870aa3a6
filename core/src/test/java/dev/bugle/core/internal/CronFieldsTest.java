package dev.bugle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Shared fields give exactly what cron-utils' parser gives: the same crons, the same fires, the same errors. */
class CronFieldsTest {
  private static final List<String> UNIX = List.of("0 * * * *", "*/5 * * * *", "30 2 * * MON-FRI", "0 9 * * 1-5",
      "0 0 1 * *", "0 0 * * 0", "0 0 * * 7", "15 10 * * mon,wed,fri", "0 0 L * *", "0 12 1,15 * *",
      "0 0 29 2 *", "5-55/10 8-18 * JAN-MAR *", "0 0 31 4 *", "1 2 3 4 5", "0 0 * * 5#2",
      // invalid: each must fail with cron-utils' own message
      "60 * * * *", "0 24 * * *", "* * * * 8", "0 0 32 * *", "a b c d e", "0 0,", "0 0 * * MON,", "0 0 * * * *",
      "0 | 1 * * *", "0 0 ? * ?", "1-70 * * * *", "*/0 * * * *", "0 0 * 13 *", "0 0 L-3 * *", "0 0 * * 1#6");
  private static final List<String> QUARTZ_LIKE = List.of("0 0 9 * * ?", "0 0 9 ? * MON", "0 0 9 1 * ?",
      "0 0 9 15W * ?", "0 0 9 LW * ?", "0 0 9 ? * 6L", "0 0 9 ? * 2#1", "0 0 9 * * *", "0 0 9 ? * ?",
      "0 0 9 L * ?", "61 0 9 * * ?", "0 0 9 ? * 8", "0 0 9 32W * ?");

  @Test
  void unixExpressionsMatchCronUtilsParser() {
    compare(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX), UNIX);
  }

  @Test
  void quartzLikeExpressionsMatchCronUtilsParser() {
    compare(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ), QUARTZ_LIKE);
  }

  private static void compare(CronDefinition definition, List<String> expressions) {
    CronParser parser = new CronParser(definition);
    CronFields fields = new CronFields(definition);
    for (int round = 0; round < 2; round++) { // the second round reads the shared fields
      for (String e : expressions) {
        Cron expected = null;
        Throwable expectedError = null;
        try {
          expected = parser.parse(e);
        } catch (RuntimeException ex) {
          expectedError = ex;
        }
        if (expectedError != null) {
          Throwable actual = catchThrowable(() -> fields.parse(e));
          assertThat(actual).as(e).isInstanceOf(expectedError.getClass()).hasMessage(expectedError.getMessage());
          continue;
        }
        Cron actual = fields.parse(e);
        assertThat(actual.asString()).as(e).isEqualTo(expected.asString());
        assertThat(nextFires(actual)).as(e).isEqualTo(nextFires(expected));
      }
    }
  }

  private static List<Optional<ZonedDateTime>> nextFires(Cron cron) {
    ExecutionTime time = ExecutionTime.forCron(cron);
    ZonedDateTime from = ZonedDateTime.of(2026, 3, 28, 23, 59, 30, 0, ZoneId.of("Europe/Berlin"));
    return List.of(time.nextExecution(from), time.nextExecution(from.plusDays(37)), time.lastExecution(from));
  }
}
