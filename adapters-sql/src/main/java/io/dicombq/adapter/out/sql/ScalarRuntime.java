package io.dicombq.adapter.out.sql;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string and date functions whose BigQuery semantics H2 has no built-in for, installed as H2 functions
 * (see {@link BigQueryFunctions#install}). Every one returns NULL when an argument is NULL.
 */
public final class ScalarRuntime {
    private static final LocalDate FIRST_DATE = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    private ScalarRuntime() {
    }

    /**
     * SUBSTR(value, position[, length]) counting characters (code points): position 1 is the first, 0 counts as
     * 1, a negative position counts from the end (and before the start counts as 1); a negative length is an error.
     */
    public static String substr(String value, Long position, Long length, Boolean hasLength) {
        if (value == null || position == null || (hasLength && length == null)) {
            return null;
        }
        if (hasLength && length < 0) {
            throw new InvalidValueException("SUBSTR: the length must not be negative, got " + length);
        }
        int count = value.codePointCount(0, value.length());
        long start;
        if (position > 0) {
            start = position - 1;
        } else if (position == 0) {
            start = 0;
        } else {
            start = Math.max(0, count + position);
        }
        if (start >= count) {
            return "";
        }
        long end = hasLength ? Math.min(count, start + Math.min(length, count)) : count;
        int from = value.offsetByCodePoints(0, (int) start);
        return value.substring(from, value.offsetByCodePoints(from, (int) (end - start)));
    }

    /** ARRAY_TO_STRING: NULL elements are skipped, or written as {@code nullText} when one is given. */
    public static String arrayToString(String[] values, String delimiter, String nullText, Boolean hasNullText) {
        if (values == null || delimiter == null || (hasNullText && nullText == null)) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (String value : values) {
            if (value == null && !hasNullText) {
                continue;
            }
            if (!first) {
                out.append(delimiter);
            }
            out.append(value == null ? nullText : value);
            first = false;
        }
        return out.toString();
    }

    /** REGEXP_EXTRACT with one capturing group: the group of the first match, NULL without a match. */
    public static String regexpExtractGroup(String value, String javaPattern) {
        if (value == null || javaPattern == null) {
            return null;
        }
        Matcher m = Pattern.compile(javaPattern).matcher(value);
        return m.find() ? m.group(1) : null;
    }

    /** DATE_ADD in DAY, WEEK, MONTH, QUARTER or YEAR units; a month past its last day keeps to the last day. */
    public static LocalDate dateAdd(LocalDate date, Long amount, String unit) {
        if (date == null || amount == null) {
            return null;
        }
        LocalDate result;
        try {
            switch (unit) {
                case "DAY":
                    result = date.plusDays(amount);
                    break;
                case "WEEK":
                    result = date.plusWeeks(amount);
                    break;
                case "MONTH":
                    result = date.plusMonths(amount);
                    break;
                case "QUARTER":
                    result = date.plusMonths(Math.multiplyExact(amount, 3));
                    break;
                default:
                    result = date.plusYears(amount);
                    break;
            }
        } catch (ArithmeticException | java.time.DateTimeException e) {
            result = null;
        }
        if (result == null || result.isBefore(FIRST_DATE) || result.isAfter(LAST_DATE)) {
            throw new InvalidValueException("DATE_ADD / DATE_SUB: adding " + amount + " " + unit + " to " + date
                    + " leaves BigQuery's date range 0001-01-01 to 9999-12-31");
        }
        return result;
    }

    /** A TIMESTAMP's wall-clock fields in UTC, as BigQuery reads them; independent of H2's session time zone. */
    public static LocalDateTime utcDatetime(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    public static String formatDate(String format, LocalDate date) {
        if (format == null || date == null) {
            return null;
        }
        return DateFormat.compile("FORMAT_DATE", format).format(date);
    }

    public static LocalDate parseDate(String format, String text) {
        if (format == null || text == null) {
            return null;
        }
        return DateFormat.compile("PARSE_DATE", format).parse(text);
    }
}
