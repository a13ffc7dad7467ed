package dev.hover.model.schedule;

import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A classic five-field cron expression (minute, hour, day of month, month, day of week), as
 * {@code schedule} entries are written and as {@code schedule:run} evaluates them once a minute.
 *
 * <p>Each field is {@code *} or a comma-separated list of items; an item is a value, a range
 * {@code a-b}, or either of those (or {@code *}) followed by a step {@code /n}; {@code a/n} means
 * from {@code a} to the field's end. Months take {@code JAN}–{@code DEC}, days of week
 * {@code SUN}–{@code SAT} (case-insensitive); day of week {@code 0} and {@code 7} are both Sunday.
 * The macros {@code @yearly}, {@code @annually}, {@code @monthly}, {@code @weekly}, {@code @daily},
 * {@code @midnight} and {@code @hourly} stand for their usual expressions.
 *
 * <p>As in Vixie cron, when both day of month and day of week are restricted (neither starts with
 * {@code *}), a day matches if either matches.
 */
public final class CronExpression {
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private static final Field MINUTE = new Field("minute", 0, 59, List.of(), 0);
    private static final Field HOUR = new Field("hour", 0, 23, List.of(), 0);
    private static final Field DAY_OF_MONTH = new Field("day-of-month", 1, 31, List.of(), 1);
    private static final Field MONTH = new Field("month", 1, 12, MONTHS, 1);
    // 7 is accepted as a second Sunday and folded onto 0 after parsing
    private static final Field DAY_OF_WEEK = new Field("day-of-week", 0, 7, DAYS, 0);
    private static final List<Field> FIELDS = List.of(MINUTE, HOUR, DAY_OF_MONTH, MONTH, DAY_OF_WEEK);

    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean dayOfMonthRestricted;
    private final boolean dayOfWeekRestricted;

    private CronExpression(String expression, String[] parts) {
        this.expression = expression;
        this.minutes = MINUTE.parse(parts[0]);
        this.hours = HOUR.parse(parts[1]);
        this.daysOfMonth = DAY_OF_MONTH.parse(parts[2]);
        this.months = MONTH.parse(parts[3]);
        this.daysOfWeek = DAY_OF_WEEK.parse(parts[4]);
        if (daysOfWeek.get(7)) {
            daysOfWeek.set(0);
            daysOfWeek.clear(7);
        }
        this.dayOfMonthRestricted = !parts[2].startsWith("*");
        this.dayOfWeekRestricted = !parts[4].startsWith("*");
    }

    /**
     * Parses {@code expression}.
     *
     * @throws IllegalArgumentException naming the field that is wrong and why
     */
    public static CronExpression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("cron expression is empty; expected 5 fields: minute hour day-of-month month day-of-week");
        }
        String trimmed = expression.trim();
        String expanded = trimmed.startsWith("@") ? expandMacro(trimmed) : trimmed;
        String[] parts = expanded.split("\\s+");
        if (parts.length != FIELDS.size()) {
            throw new IllegalArgumentException("cron expression '" + trimmed + "' has " + parts.length
                    + " field" + (parts.length == 1 ? "" : "s")
                    + "; expected 5: minute hour day-of-month month day-of-week");
        }
        try {
            return new CronExpression(trimmed, parts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cron expression '" + trimmed + "': " + e.getMessage(), e);
        }
    }

    private static String expandMacro(String macro) {
        String expanded = MACROS.get(macro.toLowerCase(Locale.ROOT));
        if (expanded == null) {
            throw new IllegalArgumentException("unknown cron macro '" + macro
                    + "'; known: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly");
        }
        return expanded;
    }

    /** Whether the minute that {@code time} falls in is one this expression selects, in {@code time}'s zone. */
    public boolean matches(ZonedDateTime time) {
        if (!minutes.get(time.getMinute()) || !hours.get(time.getHour()) || !months.get(time.getMonthValue())) {
            return false;
        }
        boolean dayOfMonth = daysOfMonth.get(time.getDayOfMonth());
        boolean dayOfWeek = daysOfWeek.get(time.getDayOfWeek().getValue() % 7);
        if (dayOfMonthRestricted && dayOfWeekRestricted) {
            return dayOfMonth || dayOfWeek;
        }
        return dayOfMonth && dayOfWeek;
    }

    @Override
    public String toString() {
        return expression;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression cron && cron.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    /** One of the five fields: its range, and the names its values may be spelled with. */
    private record Field(String name, int min, int max, List<String> names, int firstNameValue) {

        BitSet parse(String text) {
            BitSet values = new BitSet(max + 1);
            for (String item : text.split(",", -1)) {
                parseItem(item, values);
            }
            return values;
        }

        private void parseItem(String item, BitSet values) {
            if (item.isEmpty()) {
                throw error("'" + item + "' is empty; lists are separated by single commas");
            }
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(item.substring(slash + 1), item);
                if (step < 1) {
                    throw error("step in '" + item + "' must be at least 1");
                }
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else {
                int dash = range.indexOf('-');
                from = value(dash >= 0 ? range.substring(0, dash) : range, item);
                to = dash >= 0 ? value(range.substring(dash + 1), item) : (slash >= 0 ? max : from);
                if (from > to) {
                    throw error("range '" + range + "' runs backwards");
                }
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }

        private int value(String token, String item) {
            int index = names.indexOf(token.toUpperCase(Locale.ROOT));
            int value = index >= 0 ? index + firstNameValue : number(token, item);
            if (value < min || value > max) {
                throw error(value + " in '" + item + "' is out of range " + min + "-" + max);
            }
            return value;
        }

        private int number(String token, String item) {
            if (token.isEmpty() || token.length() > 4 || !token.chars().allMatch(Character::isDigit)) {
                String expected = names.isEmpty() ? "a number" : "a number or one of " + String.join(", ", names);
                throw error("'" + token + "' in '" + item + "' is not " + expected);
            }
            return Integer.parseInt(token);
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(name + " field: " + problem);
        }
    }
}
