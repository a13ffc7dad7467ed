package dev.hover.model.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

    // 2026-11-26 is a Thursday
    private static ZonedDateTime at(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, ZoneOffset.UTC);
    }

    @Test
    void everyMinuteMatchesAnyMinute() {
        CronExpression cron = CronExpression.parse("* * * * *");
        assertThat(cron.matches(at(11, 26, 17, 43))).isTrue();
        assertThat(cron.matches(at(1, 1, 0, 0))).isTrue();
    }

    @Test
    void valuesRangesStepsAndLists() {
        CronExpression cron = CronExpression.parse("0,30 9-17/2 * * *");
        assertThat(cron.matches(at(11, 26, 9, 0))).isTrue();
        assertThat(cron.matches(at(11, 26, 11, 30))).isTrue();
        assertThat(cron.matches(at(11, 26, 17, 0))).isTrue();
        assertThat(cron.matches(at(11, 26, 10, 0))).isFalse();
        assertThat(cron.matches(at(11, 26, 9, 15))).isFalse();
        assertThat(cron.matches(at(11, 26, 19, 0))).isFalse();
    }

    @Test
    void stepFromAStartRunsToTheEndOfTheField() {
        CronExpression cron = CronExpression.parse("10/20 * * * *");
        assertThat(cron.matches(at(11, 26, 3, 10))).isTrue();
        assertThat(cron.matches(at(11, 26, 3, 30))).isTrue();
        assertThat(cron.matches(at(11, 26, 3, 50))).isTrue();
        assertThat(cron.matches(at(11, 26, 3, 0))).isFalse();
    }

    @Test
    void everyFifteenMinutes() {
        CronExpression cron = CronExpression.parse("*/15 * * * *");
        assertThat(cron.matches(at(11, 26, 3, 45))).isTrue();
        assertThat(cron.matches(at(11, 26, 3, 46))).isFalse();
    }

    @Test
    void namesForMonthsAndDaysAreCaseInsensitive() {
        CronExpression cron = CronExpression.parse("0 8 * jan-MAR Mon-fri");
        assertThat(cron.matches(at(2, 2, 8, 0))).isTrue(); // Monday
        assertThat(cron.matches(at(2, 1, 8, 0))).isFalse(); // Sunday
        assertThat(cron.matches(at(4, 1, 8, 0))).isFalse(); // April
    }

    @Test
    void sundayIsZeroAndSeven() {
        assertThat(CronExpression.parse("0 0 * * 0").matches(at(11, 29, 0, 0))).isTrue();
        assertThat(CronExpression.parse("0 0 * * 7").matches(at(11, 29, 0, 0))).isTrue();
        assertThat(CronExpression.parse("0 0 * * 5-7").matches(at(11, 29, 0, 0))).isTrue();
        assertThat(CronExpression.parse("0 0 * * 7").matches(at(11, 28, 0, 0))).isFalse();
    }

    @Test
    void dayOfMonthOrDayOfWeekWhenBothAreRestricted() {
        CronExpression cron = CronExpression.parse("0 0 1 * MON");
        assertThat(cron.matches(at(12, 1, 0, 0))).isTrue(); // the 1st, a Tuesday
        assertThat(cron.matches(at(11, 30, 0, 0))).isTrue(); // a Monday
        assertThat(cron.matches(at(11, 26, 0, 0))).isFalse();
    }

    @Test
    void dayOfMonthAndDayOfWeekWhenOnlyOneIsRestricted() {
        CronExpression cron = CronExpression.parse("0 0 1 * *");
        assertThat(cron.matches(at(12, 1, 0, 0))).isTrue();
        assertThat(cron.matches(at(11, 30, 0, 0))).isFalse();
    }

    @Test
    void macros() {
        assertThat(CronExpression.parse("@hourly").matches(at(11, 26, 5, 0))).isTrue();
        assertThat(CronExpression.parse("@hourly").matches(at(11, 26, 5, 1))).isFalse();
        assertThat(CronExpression.parse("@daily").matches(at(11, 26, 0, 0))).isTrue();
        assertThat(CronExpression.parse("@weekly").matches(at(11, 29, 0, 0))).isTrue();
        assertThat(CronExpression.parse("@monthly").matches(at(12, 1, 0, 0))).isTrue();
        assertThat(CronExpression.parse("@yearly").matches(at(1, 1, 0, 0))).isTrue();
        assertThat(CronExpression.parse("@yearly").matches(at(2, 1, 0, 0))).isFalse();
    }

    @Test
    void matchesInTheZoneOfTheGivenTime() {
        CronExpression cron = CronExpression.parse("0 9 * * *");
        ZonedDateTime nineInBerlin = ZonedDateTime.of(2026, 11, 26, 9, 0, 0, 0, java.time.ZoneId.of("Europe/Berlin"));
        assertThat(cron.matches(nineInBerlin)).isTrue();
        assertThat(cron.matches(nineInBerlin.withZoneSameInstant(ZoneOffset.UTC))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "61 * * * *       | minute field: 61 in '61' is out of range 0-59",
            "0 24 * * *       | hour field: 24 in '24' is out of range 0-23",
            "0 0 0 * *        | day-of-month field: 0 in '0' is out of range 1-31",
            "0 0 * 13 *       | month field: 13 in '13' is out of range 1-12",
            "0 0 * JANUARY *  | month field: 'JANUARY' in 'JANUARY' is not a number or one of JAN, FEB",
            "0 0 * * MOON     | day-of-week field: 'MOON' in 'MOON' is not a number or one of SUN, MON",
            "0 0 * * 8        | day-of-week field: 8 in '8' is out of range 0-7",
            "*/0 * * * *      | minute field: step in '*/0' must be at least 1",
            "0 17-9 * * *     | hour field: range '17-9' runs backwards",
            "0 1,,2 * * *     | hour field: '' is empty",
            "0 ? * * *        | hour field: '?' in '?' is not a number",
            "5- * * * *       | minute field: '' in '5-' is not a number",
    })
    void namesTheFieldThatIsWrong(String expression, String message) {
        assertThatThrownBy(() -> CronExpression.parse(expression.trim()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cron expression '" + expression.trim() + "': ")
                .hasMessageContaining(message.trim());
    }

    @Test
    void wrongNumberOfFields() {
        assertThatThrownBy(() -> CronExpression.parse("0 0 * * * *"))
                .hasMessage("cron expression '0 0 * * * *' has 6 fields; expected 5: minute hour day-of-month month day-of-week");
        assertThatThrownBy(() -> CronExpression.parse(" "))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> CronExpression.parse("@often"))
                .hasMessageContaining("unknown cron macro '@often'");
    }
}
