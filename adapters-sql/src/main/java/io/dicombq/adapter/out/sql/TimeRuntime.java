package io.dicombq.adapter.out.sql;

import io.dicombq.application.query.BigQueryText;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The TIME, DATETIME and TIMESTAMP functions (BigQuery docs: date, datetime, time and timestamp functions), installed
 * as H2 functions (see {@link BigQueryFunctions#install}). A TIMESTAMP arrives as an instant (any offset) and leaves
 * in UTC; zones are IANA names or fixed offsets, UTC unless given. Every one returns NULL when an argument is NULL.
 */
public final class TimeRuntime {
    static final String[][] NAMES = {
        {"date_of_ymd", "dateOf"}, {"date_of_timestamp", "dateOfTimestamp"}, {"datetime_of_fields", "datetimeOf"},
        {"datetime_of_timestamp", "datetimeOfTimestamp"}, {"time_of_fields", "timeOf"},
        {"time_of_timestamp", "timeOfTimestamp"}, {"timestamp_of_string", "timestampOfString"},
        {"timestamp_of_datetime", "timestampOfDatetime"}, {"timestamp_text", "timestampText"},
        {"datetime_add_part", "datetimeAdd"}, {"timestamp_add_part", "timestampAdd"}, {"time_add_part", "timeAdd"},
        {"datetime_diff_part", "datetimeDiff"}, {"timestamp_diff_part", "timestampDiff"}, {"time_diff_part", "timeDiff"},
        {"unix_date_of", "unixDate"}, {"date_of_unix_date", "dateFromUnixDate"}, {"unix_units_of", "unixUnits"},
        {"timestamp_of_units", "timestampOfUnits"}, {"generate_timestamp_array", "generateTimestamps"},
        {"format_time_of", "formatTime"}, {"format_datetime_of", "formatDatetime"},
        {"format_timestamp_of", "formatTimestamp"}, {"parse_time_of", "parseTime"},
        {"parse_datetime_of", "parseDatetime"}, {"parse_timestamp_of", "parseTimestamp"},
    };
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    /** BigQuery's TIMESTAMP range, 0001-01-01 00:00:00 to 9999-12-31 23:59:59.999999 UTC, in microseconds. */
    private static final long MIN_MICROS = -62_135_596_800_000_000L;
    private static final long MAX_MICROS = 253_402_300_799_999_999L;
    private static final java.util.Set<String> DATE_PARTS = java.util.Set.of("DAY", "WEEK", "MONTH", "QUARTER", "YEAR");
    private static final LocalDateTime MIN_DATETIME = LocalDateTime.of(1, 1, 1, 0, 0);
    private static final LocalDateTime MAX_DATETIME = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);

    private TimeRuntime() {
    }

    // ---- constructors and conversions

    /** DATE(year, month, day). */
    public static LocalDate dateOf(Long year, Long month, Long day) {
        if (year == null || month == null || day == null) {
            return null;
        }
        try {
            return LocalDate.of(Math.toIntExact(year), Math.toIntExact(month), Math.toIntExact(day));
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidValueException("Input calculates to invalid date: " + year + "-" + pad(month) + "-" + pad(day));
        }
    }

    /** DATETIME(year, month, day, hour, minute, second). */
    public static LocalDateTime datetimeOf(Long year, Long month, Long day, Long hour, Long minute, Long second) {
        if (year == null || month == null || day == null || hour == null || minute == null || second == null) {
            return null;
        }
        try {
            return LocalDateTime.of(Math.toIntExact(year), Math.toIntExact(month), Math.toIntExact(day),
                    Math.toIntExact(hour), Math.toIntExact(minute), Math.toIntExact(second));
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidValueException("Input calculates to invalid datetime: " + year + "-" + pad(month) + "-"
                    + pad(day) + " " + pad(hour) + ":" + pad(minute) + ":" + pad(second));
        }
    }

    /** TIME(hour, minute, second). */
    public static LocalTime timeOf(Long hour, Long minute, Long second) {
        if (hour == null || minute == null || second == null) {
            return null;
        }
        try {
            return LocalTime.of(Math.toIntExact(hour), Math.toIntExact(minute), Math.toIntExact(second));
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidValueException("Input calculates to invalid time: " + pad(hour) + ":" + pad(minute) + ":" + pad(second));
        }
    }

    /** DATE(timestamp[, zone]): the date in the zone (UTC unless given). */
    public static LocalDate dateOfTimestamp(OffsetDateTime timestamp, String zone) {
        LocalDateTime local = datetimeOfTimestamp(timestamp, zone);
        return local == null ? null : local.toLocalDate();
    }

    /** TIME(timestamp[, zone]). */
    public static LocalTime timeOfTimestamp(OffsetDateTime timestamp, String zone) {
        LocalDateTime local = datetimeOfTimestamp(timestamp, zone);
        return local == null ? null : local.toLocalTime();
    }

    /** DATETIME(timestamp[, zone]), EXTRACT(… AT TIME ZONE): the wall clock of the instant in the zone. */
    public static LocalDateTime datetimeOfTimestamp(OffsetDateTime timestamp, String zone) {
        if (timestamp == null || zone == null) {
            return null;
        }
        Instant instant = timestamp.toInstant();
        return LocalDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(offset(instant, zone(zone))));
    }

    /** TIMESTAMP(string[, zone]): the zone ({@code zoneGiven}) is for a text that has none of its own. */
    public static OffsetDateTime timestampOfString(String text, String zone, Boolean zoneGiven) {
        if (text == null || zone == null) {
            return null;
        }
        OffsetDateTime timestamp = BigQueryFunctions.timestamp(text, zoneGiven ? zone(zone) : null);
        if (timestamp == null) {
            throw new InvalidValueException("Invalid timestamp: '" + text + "'");
        }
        return inRange(timestamp.toInstant(), "TIMESTAMP('" + text + "')");
    }

    /**
     * TIMESTAMP(datetime[, zone]), CAST(DATE or DATETIME AS TIMESTAMP): the instant of a wall clock in the zone. A
     * clock time skipped by a daylight-saving change is read with the offset before it, a repeated one as its first
     * occurrence, as ZetaSQL (absl::FromCivil) does.
     */
    public static OffsetDateTime timestampOfDatetime(LocalDateTime local, String zone) {
        if (local == null || zone == null) {
            return null;
        }
        Instant instant = local.atZone(zone(zone)).toInstant();
        offset(instant, zone(zone));
        return inRange(instant, "TIMESTAMP(" + BigQueryText.of(local) + ", '" + zone + "')");
    }

    /** STRING(timestamp[, zone]), CAST(timestamp AS STRING): {@code 2008-12-25 07:30:00-08}, the offset as short as exact. */
    public static String timestampText(OffsetDateTime timestamp, String zone) {
        if (timestamp == null || zone == null) {
            return null;
        }
        Instant instant = timestamp.toInstant();
        int offset = offset(instant, zone(zone));
        LocalDateTime local = LocalDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(offset));
        return BigQueryText.ofDate(local.toLocalDate()) + " " + BigQueryText.ofTime(local.toLocalTime()) + offsetText(offset);
    }

    // ---- arithmetic

    /** DATETIME_ADD / DATETIME_SUB ({@code subtract}): date parts as DATE_ADD adds them, time parts exactly. */
    public static LocalDateTime datetimeAdd(LocalDateTime value, Long by, String part, Boolean subtract) {
        if (value == null || by == null) {
            return null;
        }
        boolean datePart = DATE_PARTS.contains(part);
        long unit = datePart ? 0 : micros(part, "DATETIME_ADD");
        LocalDateTime result;
        try {
            long amount = subtract ? Math.negateExact(by) : by;
            result = datePart ? ScalarRuntime.dateAdd(value.toLocalDate(), amount, part).atTime(value.toLocalTime())
                    : value.plus(Math.multiplyExact(amount, unit), ChronoUnit.MICROS);
        } catch (ArithmeticException | DateTimeException | InvalidValueException e) {
            result = null;
        }
        if (result == null || result.isBefore(MIN_DATETIME) || result.isAfter(MAX_DATETIME)) {
            throw overflow(by, part, subtract, "datetime " + BigQueryText.of(value));
        }
        return result;
    }

    /** TIMESTAMP_ADD / TIMESTAMP_SUB ({@code subtract}): MICROSECOND … HOUR, and DAY as 24 hours. */
    public static OffsetDateTime timestampAdd(OffsetDateTime value, Long by, String part, Boolean subtract) {
        if (value == null || by == null) {
            return null;
        }
        long unit = part.equals("DAY") ? MICROS_PER_DAY : micros(part, "TIMESTAMP_ADD");
        long step;
        try {
            step = Math.multiplyExact(subtract ? Math.negateExact(by) : by, unit);
        } catch (ArithmeticException e) {
            throw new InvalidValueException("TIMESTAMP_" + (subtract ? "SUB" : "ADD") + " interval value " + by + " at "
                    + part + " precision causes overflow");
        }
        long start = micros(value.toInstant());
        long end = start + step;
        if (((start ^ end) & (step ^ end)) < 0 || end < MIN_MICROS || end > MAX_MICROS) {
            throw overflow(by, part, subtract, "timestamp " + BigQueryText.of(value.toInstant()));
        }
        return utc(end);
    }

    /** ZetaSQL's words: "Adding 1 SECOND to datetime 9999-12-31 23:59:59 causes overflow". */
    private static InvalidValueException overflow(long by, String part, boolean subtract, String value) {
        return new InvalidValueException((subtract ? "Subtracting " : "Adding ") + by + " " + part
                + (subtract ? " from " : " to ") + value + " causes overflow");
    }

    /** TIME_ADD / TIME_SUB: MICROSECOND … HOUR, wrapping around midnight (BigQuery docs: TIME_ADD). */
    public static LocalTime timeAdd(LocalTime value, Long by, String part, Boolean subtract) {
        if (value == null || by == null) {
            return null;
        }
        long unit = micros(part, "TIME_ADD");
        // reduced modulo a day first, so a huge amount cannot overflow
        long unitsPerDay = MICROS_PER_DAY / unit;
        long reduced = Math.floorMod(by, unitsPerDay);
        long step = (subtract ? unitsPerDay - reduced : reduced) * unit;
        long micros = Math.floorMod(value.toNanoOfDay() / 1000 + step, MICROS_PER_DAY);
        return LocalTime.ofNanoOfDay(micros * 1000);
    }

    /** DATETIME_DIFF in MICROSECOND … HOUR: the number of part boundaries crossed (date parts are rendered as SQL). */
    public static Long datetimeDiff(LocalDateTime end, LocalDateTime start, String part) {
        if (end == null || start == null) {
            return null;
        }
        long unit = micros(part, "DATETIME_DIFF");
        return Math.floorDiv(micros(end), unit) - Math.floorDiv(micros(start), unit);
    }

    /** TIMESTAMP_DIFF: whole parts elapsed, truncated toward zero; DAY is 24 hours (BigQuery docs: TIMESTAMP_DIFF). */
    public static Long timestampDiff(OffsetDateTime end, OffsetDateTime start, String part) {
        if (end == null || start == null) {
            return null;
        }
        long unit = part.equals("DAY") ? MICROS_PER_DAY : micros(part, "TIMESTAMP_DIFF");
        return (micros(end.toInstant()) - micros(start.toInstant())) / unit;
    }

    /** TIME_DIFF: the number of part boundaries crossed. */
    public static Long timeDiff(LocalTime end, LocalTime start, String part) {
        if (end == null || start == null) {
            return null;
        }
        long unit = micros(part, "TIME_DIFF");
        return end.toNanoOfDay() / 1000 / unit - start.toNanoOfDay() / 1000 / unit;
    }

    // ---- Unix epoch

    public static Long unixDate(LocalDate date) {
        return date == null ? null : date.toEpochDay();
    }

    public static LocalDate dateFromUnixDate(Long days) {
        if (days == null) {
            return null;
        }
        if (days < -719_162 || days > 2_932_896) {
            throw new InvalidValueException("DATE_FROM_UNIX_DATE range is -719162 to 2932896 but saw " + days);
        }
        return LocalDate.ofEpochDay(days);
    }

    /** UNIX_SECONDS, UNIX_MILLIS, UNIX_MICROS: whole units since 1970-01-01 00:00:00 UTC, rounded down. */
    public static Long unixUnits(OffsetDateTime timestamp, Long unitMicros) {
        return timestamp == null ? null : Math.floorDiv(micros(timestamp.toInstant()), unitMicros);
    }

    /** TIMESTAMP_SECONDS, TIMESTAMP_MILLIS, TIMESTAMP_MICROS. */
    public static OffsetDateTime timestampOfUnits(Long value, Long unitMicros) {
        if (value == null) {
            return null;
        }
        long micros;
        try {
            micros = Math.multiplyExact(value, unitMicros);
        } catch (ArithmeticException e) {
            micros = Long.MAX_VALUE;
        }
        if (micros < MIN_MICROS || micros > MAX_MICROS) {
            throw new InvalidValueException("Input value " + value + " cannot be converted into a TIMESTAMP, because it"
                    + " would be out of the allowed range between " + MIN_MICROS + " to " + MAX_MICROS + " (microseconds)");
        }
        return utc(micros);
    }

    /** GENERATE_TIMESTAMP_ARRAY(start, end, INTERVAL n part): MICROSECOND … HOUR, DAY as 24 hours. */
    public static OffsetDateTime[] generateTimestamps(OffsetDateTime start, OffsetDateTime end, Long step, String part) {
        if (start == null || end == null || step == null) {
            return null;
        }
        if (step == 0) {
            throw new InvalidValueException("Sequence step cannot be 0.");
        }
        long unit = part.equals("DAY") ? MICROS_PER_DAY : micros(part, "GENERATE_TIMESTAMP_ARRAY");
        long stepMicros;
        try {
            stepMicros = Math.multiplyExact(step, unit);
        } catch (ArithmeticException e) {
            stepMicros = step > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        long last = micros(end.toInstant());
        List<OffsetDateTime> values = new ArrayList<>();
        for (long value = micros(start.toInstant()); stepMicros > 0 ? value <= last : value >= last; value += stepMicros) {
            values.add(utc(value));
            if (values.size() > CalendarRuntime.MAX_GENERATED) {
                throw InvalidValueException.unknownAnswer("GENERATE_TIMESTAMP_ARRAY: arrays of more than "
                        + CalendarRuntime.MAX_GENERATED + " elements");
            }
            if ((stepMicros > 0 && value > MAX_MICROS - stepMicros) || (stepMicros < 0 && value < MIN_MICROS - stepMicros)) {
                break;
            }
        }
        return values.toArray(new OffsetDateTime[0]);
    }

    // ---- FORMAT_* and PARSE_*

    public static String formatTime(String format, LocalTime value) {
        if (format == null || value == null) {
            return null;
        }
        return DateFormat.compile("FORMAT_TIME", format).format(LocalDate.EPOCH.atTime(value), ZoneOffset.UTC);
    }

    public static String formatDatetime(String format, LocalDateTime value) {
        if (format == null || value == null) {
            return null;
        }
        return DateFormat.compile("FORMAT_DATETIME", format).format(value, ZoneOffset.UTC);
    }

    /** FORMAT_TIMESTAMP(format, timestamp[, zone]): the fields in the zone, UTC unless given. */
    public static String formatTimestamp(String format, OffsetDateTime value, String zone) {
        if (format == null || value == null || zone == null) {
            return null;
        }
        Instant instant = value.toInstant();
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(offset(instant, zone(zone)));
        return DateFormat.compile("FORMAT_TIMESTAMP", format).format(LocalDateTime.ofInstant(instant, offset), offset);
    }

    public static LocalTime parseTime(String format, String text) {
        if (format == null || text == null) {
            return null;
        }
        return DateFormat.compile("PARSE_TIME", format).parseMoment(text, ZoneOffset.UTC).toLocalTime();
    }

    public static LocalDateTime parseDatetime(String format, String text) {
        if (format == null || text == null) {
            return null;
        }
        return DateFormat.compile("PARSE_DATETIME", format).parseMoment(text, ZoneOffset.UTC).toLocalDateTime();
    }

    /** PARSE_TIMESTAMP(format, text[, zone]): read in the zone (UTC unless given) unless the text has an offset. */
    public static OffsetDateTime parseTimestamp(String format, String text, String zone) {
        if (format == null || text == null || zone == null) {
            return null;
        }
        OffsetDateTime parsed = DateFormat.compile("PARSE_TIMESTAMP", format).parseMoment(text, zone(zone));
        return inRange(parsed.toInstant(), "PARSE_TIMESTAMP(\"" + text + "\")");
    }

    // ---- helpers

    /** A zone as BigQuery names it: an IANA name, {@code UTC}, or a fixed offset such as {@code +05:30} or {@code -8}. */
    static ZoneId zone(String text) {
        ZoneId zone = BigQueryFunctions.zone(text);
        if (zone == null) {
            throw new InvalidValueException(text.isEmpty() ? "Invalid empty time zone" : "Invalid time zone: " + text);
        }
        return zone;
    }

    /**
     * The zone's offset at the instant, in seconds. An offset with seconds (local mean time before 1900 in many
     * zones) is applied by ZetaSQL in whole minutes, a rule the engine does not reproduce: the query fails.
     */
    private static int offset(Instant instant, ZoneId zone) {
        int seconds = zone.getRules().getOffset(instant).getTotalSeconds();
        if (seconds % 60 != 0) {
            throw InvalidValueException.unknownAnswer("time zone " + zone + " has an offset of " + ZoneOffset.ofTotalSeconds(seconds)
                    + " at " + instant + ": offsets with seconds");
        }
        return seconds;
    }

    /** {@code +00}, {@code -08}, {@code +05:30}: BigQuery's offset in a TIMESTAMP's text. */
    static String offsetText(int seconds) {
        int minutes = Math.abs(seconds) / 60;
        return (seconds < 0 ? "-" : "+") + pad(minutes / 60) + (minutes % 60 == 0 ? "" : ":" + pad(minutes % 60));
    }

    /** The microseconds of one part, for the functions that take only MICROSECOND … HOUR. */
    private static long micros(String part, String function) {
        switch (part) {
            case "MICROSECOND":
                return 1;
            case "MILLISECOND":
                return 1_000;
            case "SECOND":
                return MICROS_PER_SECOND;
            case "MINUTE":
                return 60 * MICROS_PER_SECOND;
            case "HOUR":
                return 3_600 * MICROS_PER_SECOND;
            default:
                throw new InvalidValueException(function + " does not support the " + part + " date part");
        }
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * MICROS_PER_SECOND + instant.getNano() / 1000;
    }

    private static long micros(LocalDateTime local) {
        return micros(local.toInstant(ZoneOffset.UTC));
    }

    private static OffsetDateTime utc(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000)
                .atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime inRange(Instant instant, String what) {
        long micros = micros(instant);
        if (micros < MIN_MICROS || micros > MAX_MICROS) {
            throw new InvalidValueException(what + " is out of the TIMESTAMP range 0001-01-01 00:00:00 to 9999-12-31 23:59:59.999999 UTC");
        }
        return utc(micros);
    }

    private static String pad(long value) {
        return value >= 0 && value < 10 ? "0" + value : String.valueOf(value);
    }
}
