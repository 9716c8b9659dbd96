package io.dicombq.adapter.out.sql;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The *_TRUNC family, LAST_DAY, GENERATE_ARRAY and GENERATE_DATE_ARRAY (BigQuery docs: date, datetime, time,
 * timestamp and array functions), installed as H2 functions (see {@link BigQueryFunctions#install}). Date parts
 * arrive as ZetaSQL names them: {@code DAY}, {@code WEEK} (Sunday), {@code WEEK_MONDAY} …, {@code ISOWEEK}, …
 */
public final class CalendarRuntime {
    static final String[][] NAMES = {
        {"trunc_date", "truncDate"}, {"trunc_datetime", "truncDatetime"}, {"trunc_timestamp", "truncTimestamp"},
        {"trunc_time", "truncTime"}, {"last_day_of", "lastDay"}, {"generate_int64_array", "generateInt64"},
        {"generate_float64_array", "generateFloat64"}, {"generate_numeric_array", "generateNumeric"},
        {"generate_date_array", "generateDates"},
    };
    private static final LocalDate FIRST_DATE = LocalDate.of(1, 1, 1);
    /** The longest array the embedded warehouse generates (BigQuery documents no such limit: past it the query fails). */
    static final long MAX_GENERATED = 10_000_000;

    private CalendarRuntime() {
    }

    public static LocalDate truncDate(LocalDate date, String part) {
        return date == null ? null : truncDay(date, part, "DATE_TRUNC");
    }

    public static LocalDateTime truncDatetime(LocalDateTime value, String part) {
        return value == null ? null : trunc(value, part, "DATETIME_TRUNC");
    }

    /** TIMESTAMP_TRUNC: parts of a day and longer are cut in {@code zone} (UTC unless given). */
    public static OffsetDateTime truncTimestamp(OffsetDateTime value, String part, String zone) {
        if (value == null || zone == null) {
            return null;
        }
        ZoneId id = TimeRuntime.zone(zone);
        LocalDateTime local = value.atZoneSameInstant(id).toLocalDateTime();
        LocalDateTime cut = trunc(local, part, "TIMESTAMP_TRUNC");
        return cut.atZone(id).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    public static LocalTime truncTime(LocalTime value, String part) {
        if (value == null) {
            return null;
        }
        return trunc(LocalDate.of(2000, 1, 1).atTime(value), part, "TIME_TRUNC").toLocalTime();
    }

    private static LocalDateTime trunc(LocalDateTime value, String part, String function) {
        switch (part) {
            case "HOUR":
                return value.truncatedTo(ChronoUnit.HOURS);
            case "MINUTE":
                return value.truncatedTo(ChronoUnit.MINUTES);
            case "SECOND":
                return value.truncatedTo(ChronoUnit.SECONDS);
            case "MILLISECOND":
                return value.truncatedTo(ChronoUnit.MILLIS);
            case "MICROSECOND":
                return value.truncatedTo(ChronoUnit.MICROS);
            default:
                return truncDay(value.toLocalDate(), part, function).atStartOfDay();
        }
    }

    private static LocalDate truncDay(LocalDate date, String part, String function) {
        LocalDate result;
        switch (part) {
            case "DAY":
                result = date;
                break;
            case "MONTH":
                result = date.withDayOfMonth(1);
                break;
            case "QUARTER":
                result = date.withMonth((date.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
                break;
            case "YEAR":
                result = date.withDayOfYear(1);
                break;
            case "ISOWEEK":
                result = weekStart(date, DayOfWeek.MONDAY);
                break;
            case "ISOYEAR":
                result = weekStart(date.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1), DayOfWeek.MONDAY);
                break;
            default:
                result = weekStart(date, weekday(part, function));
                break;
        }
        if (result.isBefore(FIRST_DATE)) {
            throw new InvalidValueException(function + ": truncating " + date + " to " + part + " leaves the date range");
        }
        return result;
    }

    /** LAST_DAY(date[, part]): the last day of the month (or year, quarter, week…) holding the date. */
    public static LocalDate lastDay(LocalDate date, String part) {
        if (date == null) {
            return null;
        }
        switch (part) {
            case "MONTH":
                return date.with(TemporalAdjusters.lastDayOfMonth());
            case "QUARTER":
                return truncDay(date, "QUARTER", "LAST_DAY").plusMonths(3).minusDays(1);
            case "YEAR":
                return date.with(TemporalAdjusters.lastDayOfYear());
            case "ISOYEAR":
                return truncDay(date.with(IsoFields.WEEK_BASED_YEAR, date.get(IsoFields.WEEK_BASED_YEAR) + 1L), "ISOYEAR",
                        "LAST_DAY").minusDays(1);
            case "ISOWEEK":
                return weekStart(date, DayOfWeek.MONDAY).plusDays(6);
            default:
                return weekStart(date, weekday(part, "LAST_DAY")).plusDays(6);
        }
    }

    private static LocalDate weekStart(LocalDate date, DayOfWeek start) {
        return date.minusDays((date.get(ChronoField.DAY_OF_WEEK) - start.getValue() + 7) % 7);
    }

    private static DayOfWeek weekday(String part, String function) {
        if (part.equals("WEEK")) {
            return DayOfWeek.SUNDAY;
        }
        if (part.startsWith("WEEK_")) {
            return DayOfWeek.valueOf(part.substring(5));
        }
        throw new InvalidValueException(function + " does not support the date part " + part);
    }

    public static Long[] generateInt64(Long start, Long end, Long step) {
        if (start == null || end == null || step == null) {
            return null;
        }
        if (step == 0) {
            throw new InvalidValueException("Sequence step cannot be 0.");
        }
        List<Long> values = new ArrayList<>();
        for (long value = start; step > 0 ? value <= end : value >= end; value += step) {
            values.add(value);
            limit(values.size(), "GENERATE_ARRAY");
            if ((step > 0 && value > Long.MAX_VALUE - step) || (step < 0 && value < Long.MIN_VALUE - step)) {
                break;
            }
        }
        return values.toArray(new Long[0]);
    }

    public static Double[] generateFloat64(Double start, Double end, Double step) {
        if (start == null || end == null || step == null) {
            return null;
        }
        if (step == 0) {
            throw new InvalidValueException("Sequence step cannot be 0.");
        }
        if (Double.isNaN(start) || Double.isNaN(end) || Double.isNaN(step) || Double.isInfinite(start)
                || Double.isInfinite(end) || Double.isInfinite(step)) {
            throw new InvalidValueException("Sequence start, end and step cannot be NaN or infinite");
        }
        List<Double> values = new ArrayList<>();
        for (long i = 0; ; i++) {
            double value = start + i * step;
            if (step > 0 ? value > end : value < end) {
                break;
            }
            values.add(value);
            limit(values.size(), "GENERATE_ARRAY");
        }
        return values.toArray(new Double[0]);
    }

    public static BigDecimal[] generateNumeric(BigDecimal start, BigDecimal end, BigDecimal step) {
        if (start == null || end == null || step == null) {
            return null;
        }
        if (step.signum() == 0) {
            throw new InvalidValueException("Sequence step cannot be 0.");
        }
        List<BigDecimal> values = new ArrayList<>();
        for (BigDecimal value = start; step.signum() > 0 ? value.compareTo(end) <= 0 : value.compareTo(end) >= 0; value = value.add(step)) {
            values.add(value);
            limit(values.size(), "GENERATE_ARRAY");
        }
        return values.toArray(new BigDecimal[0]);
    }

    /**
     * GENERATE_DATE_ARRAY: each element is the previous one plus the step, so a month step from the 31st stays on
     * the shorter month's last day afterwards (2016-01-31, 2016-02-29, 2016-03-29), as ZetaSQL's reference does.
     */
    public static LocalDate[] generateDates(LocalDate start, LocalDate end, Long step, String part) {
        if (start == null || end == null || step == null) {
            return null;
        }
        if (step == 0) {
            throw new InvalidValueException("Sequence step cannot be 0.");
        }
        List<LocalDate> values = new ArrayList<>();
        LocalDate value = start;
        while (step > 0 ? !value.isAfter(end) : !value.isBefore(end)) {
            values.add(value);
            limit(values.size(), "GENERATE_DATE_ARRAY");
            try {
                value = ScalarRuntime.dateAdd(value, step, part);
            } catch (InvalidValueException e) {
                break;
            }
        }
        return values.toArray(new LocalDate[0]);
    }

    private static void limit(int size, String function) {
        if (size > MAX_GENERATED) {
            throw InvalidValueException.unknownAnswer(function + " of more than " + MAX_GENERATED + " elements");
        }
    }
}
