package io.dicombq.adapter.out.sql;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * INTERVAL values, installed as H2 functions over their canonical text {@code [-]Y-M [-]D [-]H:M:S[.FFF[FFF]]}:
 * a month part, a day part and a microsecond part, each with its own sign and range (10,000 years; ZetaSQL's
 * interval_value.cc, BigQuery docs: interval type and functions).
 */
public final class IntervalRuntime {
    static final String[][] NAMES = {
        {"interval_of_part", "ofPart"}, {"interval_make", "make"}, {"interval_justify", "justify"},
        {"interval_between_dates", "betweenDates"}, {"interval_between_datetimes", "betweenDatetimes"},
        {"interval_between_timestamps", "betweenTimestamps"}, {"interval_between_times", "betweenTimes"},
        {"interval_add", "add"}, {"interval_negate", "negate"}, {"interval_multiply", "multiply"},
        {"interval_extract", "extract"}, {"interval_add_to_datetime", "addToDatetime"},
        {"interval_add_to_timestamp", "addToTimestamp"},
    };
    private static final long MONTHS_IN_YEAR = 12;
    private static final long DAYS_IN_MONTH = 30;
    private static final long MICROS_IN_SECOND = 1_000_000L;
    private static final long MICROS_IN_MINUTE = 60 * MICROS_IN_SECOND;
    private static final long MICROS_IN_HOUR = 60 * MICROS_IN_MINUTE;
    private static final long MICROS_IN_DAY = 24 * MICROS_IN_HOUR;
    private static final long MAX_MONTHS = 12 * 10_000L;
    private static final long MAX_DAYS = 366 * 10_000L;
    private static final long MAX_MICROS = MICROS_IN_DAY * MAX_DAYS;
    private static final Pattern CANONICAL = Pattern.compile("(-?)(\\d+)-(\\d+) (-?\\d+) (-?)(\\d+):(\\d+):(\\d+)(?:\\.(\\d{3}|\\d{6}))?");

    private IntervalRuntime() {
    }

    /** One INTERVAL: months, days and microseconds, each within its range. */
    record Interval(long months, long days, long micros) {
        Interval {
            check(months, MAX_MONTHS, "months");
            check(days, MAX_DAYS, "days");
            check(micros, MAX_MICROS, "microseconds");
        }

        private static void check(long value, long max, String field) {
            if (value > max || value < -max) {
                throw new InvalidValueException("Interval field " + field + " '" + value + "' is out of range");
            }
        }

        static Interval of(BigInteger months, BigInteger days, BigInteger micros) {
            BigInteger limit = BigInteger.valueOf(Long.MAX_VALUE);
            if (months.abs().compareTo(limit) > 0 || days.abs().compareTo(limit) > 0 || micros.abs().compareTo(limit) > 0) {
                throw new InvalidValueException("Interval overflow");
            }
            return new Interval(months.longValue(), days.longValue(), micros.longValue());
        }

        static Interval parse(String text) {
            Matcher m = CANONICAL.matcher(text);
            if (!m.matches()) {
                throw new IllegalStateException("not an interval's canonical text: " + text);
            }
            long months = Long.parseLong(m.group(2)) * MONTHS_IN_YEAR + Long.parseLong(m.group(3));
            String fraction = m.group(9) == null ? "0" : (m.group(9) + "000").substring(0, 6);
            long micros = Long.parseLong(m.group(6)) * MICROS_IN_HOUR + Long.parseLong(m.group(7)) * MICROS_IN_MINUTE
                    + Long.parseLong(m.group(8)) * MICROS_IN_SECOND + Long.parseLong(fraction);
            return new Interval(m.group(1).isEmpty() ? months : -months, Long.parseLong(m.group(4)),
                    m.group(5).isEmpty() ? micros : -micros);
        }

        /** ZetaSQL's IntervalValue::ToString: fully expanded, fractions of a second in groups of three digits. */
        String text() {
            long absoluteMonths = Math.abs(months);
            long rest = Math.abs(micros);
            long hours = rest / MICROS_IN_HOUR;
            rest -= hours * MICROS_IN_HOUR;
            long minutes = rest / MICROS_IN_MINUTE;
            rest -= minutes * MICROS_IN_MINUTE;
            long seconds = rest / MICROS_IN_SECOND;
            rest -= seconds * MICROS_IN_SECOND;
            StringBuilder out = new StringBuilder();
            out.append(months < 0 ? "-" : "").append(absoluteMonths / MONTHS_IN_YEAR).append('-').append(absoluteMonths % MONTHS_IN_YEAR)
                    .append(' ').append(days).append(' ').append(micros < 0 ? "-" : "")
                    .append(hours).append(':').append(minutes).append(':').append(seconds);
            if (rest != 0) {
                out.append('.').append(String.format("%03d", rest / 1000));
                if (rest % 1000 != 0) {
                    out.append(String.format("%03d", rest % 1000));
                }
            }
            return out.toString();
        }
    }

    /** ZetaSQL's FromYMDHMS: the time parts are summed exactly, then each part is checked against its range. */
    static Interval fromParts(long years, long months, long days, long hours, long minutes, long seconds) {
        BigInteger allMonths = BigInteger.valueOf(years).multiply(BigInteger.valueOf(MONTHS_IN_YEAR)).add(BigInteger.valueOf(months));
        BigInteger micros = BigInteger.valueOf(hours).multiply(BigInteger.valueOf(MICROS_IN_HOUR))
                .add(BigInteger.valueOf(minutes).multiply(BigInteger.valueOf(MICROS_IN_MINUTE)))
                .add(BigInteger.valueOf(seconds).multiply(BigInteger.valueOf(MICROS_IN_SECOND)));
        return Interval.of(allMonths, BigInteger.valueOf(days), micros);
    }

    /** {@code INTERVAL n part}: YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND. */
    public static String ofPart(Long n, String part) {
        if (n == null) {
            return null;
        }
        BigInteger value = BigInteger.valueOf(n);
        Interval interval = switch (part) {
            case "YEAR" -> fromParts(n, 0, 0, 0, 0, 0);
            case "QUARTER" -> Interval.of(value.multiply(BigInteger.valueOf(3)), BigInteger.ZERO, BigInteger.ZERO);
            case "MONTH" -> fromParts(0, n, 0, 0, 0, 0);
            case "WEEK" -> Interval.of(BigInteger.ZERO, value.multiply(BigInteger.valueOf(7)), BigInteger.ZERO);
            case "DAY" -> fromParts(0, 0, n, 0, 0, 0);
            case "HOUR" -> fromParts(0, 0, 0, n, 0, 0);
            case "MINUTE" -> fromParts(0, 0, 0, 0, n, 0);
            case "SECOND" -> fromParts(0, 0, 0, 0, 0, n);
            case "MILLISECOND" -> Interval.of(BigInteger.ZERO, BigInteger.ZERO, value.multiply(BigInteger.valueOf(1000)));
            case "MICROSECOND" -> Interval.of(BigInteger.ZERO, BigInteger.ZERO, value);
            default -> throw new InvalidValueException("Invalid interval datetime field " + part);
        };
        return interval.text();
    }

    /** MAKE_INTERVAL(year, month, day, hour, minute, second); NULL when an argument is NULL. */
    public static String make(Long years, Long months, Long days, Long hours, Long minutes, Long seconds) {
        if (years == null || months == null || days == null || hours == null || minutes == null || seconds == null) {
            return null;
        }
        return fromParts(years, months, days, hours, minutes, seconds).text();
    }

    /** JUSTIFY_HOURS, JUSTIFY_DAYS and JUSTIFY_INTERVAL, as ZetaSQL (after Postgres) carries hours and days over. */
    public static String justify(String text, String which) {
        if (text == null) {
            return null;
        }
        Interval v = Interval.parse(text);
        long months = v.months();
        long days = v.days();
        long micros = v.micros();
        if (!which.equals("DAYS")) {
            days += micros / MICROS_IN_DAY;
            micros %= MICROS_IN_DAY;
        }
        if (!which.equals("HOURS")) {
            months += days / DAYS_IN_MONTH;
            days %= DAYS_IN_MONTH;
            boolean wholeInterval = which.equals("INTERVAL");
            if (months > 0 && (days < 0 || wholeInterval && days == 0 && micros < 0)) {
                days += DAYS_IN_MONTH;
                months--;
            } else if (months < 0 && (days > 0 || wholeInterval && days == 0 && micros > 0)) {
                days -= DAYS_IN_MONTH;
                months++;
            }
        }
        if (!which.equals("DAYS")) {
            if (days > 0 && micros < 0) {
                micros += MICROS_IN_DAY;
                days--;
            } else if (days < 0 && micros > 0) {
                micros -= MICROS_IN_DAY;
                days++;
            }
        }
        return new Interval(months, days, micros).text();
    }

    /** DATE - DATE: the days between them. */
    public static String betweenDates(LocalDate a, LocalDate b) {
        return a == null || b == null ? null : new Interval(0, ChronoUnit.DAYS.between(b, a), 0).text();
    }

    /** DATETIME - DATETIME: whole days and the rest, both with the sign of the difference. */
    public static String betweenDatetimes(LocalDateTime a, LocalDateTime b) {
        if (a == null || b == null) {
            return null;
        }
        long micros = ChronoUnit.MICROS.between(b, a);
        return new Interval(0, micros / MICROS_IN_DAY, micros % MICROS_IN_DAY).text();
    }

    /** TIMESTAMP - TIMESTAMP: all of it in the time part, no days. */
    public static String betweenTimestamps(OffsetDateTime a, OffsetDateTime b) {
        return a == null || b == null ? null : new Interval(0, 0, ChronoUnit.MICROS.between(b.toInstant(), a.toInstant())).text();
    }

    /** TIME - TIME: the time part. */
    public static String betweenTimes(LocalTime a, LocalTime b) {
        return a == null || b == null ? null : new Interval(0, 0, ChronoUnit.MICROS.between(b, a)).text();
    }

    /** INTERVAL + INTERVAL (and, with {@code sign} -1, INTERVAL - INTERVAL): part by part. */
    public static String add(String a, String b, Long sign) {
        if (a == null || b == null) {
            return null;
        }
        Interval x = Interval.parse(a);
        Interval y = Interval.parse(b);
        return new Interval(x.months() + sign * y.months(), x.days() + sign * y.days(), x.micros() + sign * y.micros()).text();
    }

    /**
     * DATETIME + INTERVAL ({@code sign} -1: minus): the months first (a day past the month's end becomes its last
     * day), then the days, then the time part, each step within DATETIME's range, as ZetaSQL's AddDatetime does.
     */
    public static LocalDateTime addToDatetime(LocalDateTime value, String interval, Long sign) {
        if (value == null || interval == null) {
            return null;
        }
        Interval v = Interval.parse(interval);
        LocalDateTime result = value;
        if (v.months() != 0) {
            result = TimeRuntime.datetimeAdd(result, sign * v.months(), "MONTH", false);
        }
        if (v.days() != 0) {
            result = TimeRuntime.datetimeAdd(result, sign * v.days(), "DAY", false);
        }
        if (v.micros() != 0) {
            result = TimeRuntime.datetimeAdd(result, sign * v.micros(), "MICROSECOND", false);
        }
        return result;
    }

    /** TIMESTAMP + INTERVAL: a day is 24 hours in UTC; months and years have no fixed length, so they are an error. */
    public static OffsetDateTime addToTimestamp(OffsetDateTime value, String interval, Long sign) {
        if (value == null || interval == null) {
            return null;
        }
        Interval v = Interval.parse(interval);
        if (v.months() != 0) {
            throw new InvalidValueException("TIMESTAMP +/- INTERVAL is not supported for intervals with non-zero MONTH or YEAR part");
        }
        OffsetDateTime result = value;
        if (v.days() != 0) {
            result = TimeRuntime.timestampAdd(result, sign * v.days(), "DAY", false);
        }
        if (v.micros() != 0) {
            result = TimeRuntime.timestampAdd(result, sign * v.micros(), "MICROSECOND", false);
        }
        return result;
    }

    public static String negate(String a) {
        if (a == null) {
            return null;
        }
        Interval x = Interval.parse(a);
        return new Interval(-x.months(), -x.days(), -x.micros()).text();
    }

    /** INTERVAL * INT64: each part multiplied; past a part's range an error. */
    public static String multiply(String a, Long n) {
        if (a == null || n == null) {
            return null;
        }
        Interval x = Interval.parse(a);
        BigInteger factor = BigInteger.valueOf(n);
        return Interval.of(BigInteger.valueOf(x.months()).multiply(factor), BigInteger.valueOf(x.days()).multiply(factor),
                BigInteger.valueOf(x.micros()).multiply(factor)).text();
    }

    /** EXTRACT(part FROM interval): YEAR and MONTH from the months, DAY, and the rest from the time part. */
    public static Long extract(String text, String part) {
        if (text == null) {
            return null;
        }
        Interval v = Interval.parse(text);
        return switch (part) {
            case "YEAR" -> v.months() / MONTHS_IN_YEAR;
            case "MONTH" -> v.months() % MONTHS_IN_YEAR;
            case "DAY" -> v.days();
            case "HOUR" -> v.micros() / MICROS_IN_HOUR;
            case "MINUTE" -> (v.micros() % MICROS_IN_HOUR) / MICROS_IN_MINUTE;
            case "SECOND" -> (v.micros() % MICROS_IN_MINUTE) / MICROS_IN_SECOND;
            case "MILLISECOND" -> (v.micros() % MICROS_IN_SECOND) / 1000;
            case "MICROSECOND" -> v.micros() % MICROS_IN_SECOND;
            default -> throw new InvalidValueException("Unsupported date part " + part + " in EXTRACT FROM INTERVAL");
        };
    }
}
