package io.dicombq.adapter.out.sql;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * The {@code SAFE.} twins of the {@link TimeRuntime} functions that can fail (BigQuery docs: SAFE. prefix): NULL
 * where BigQuery fails, as {@link SafeRuntime}'s twins do; {@link SafeCalls} swaps them in.
 */
public final class SafeTimeRuntime {
    /** Each function that can fail, its twin's name and its twin's method. */
    static final String[][] TWINS = {
        {"date_of_ymd", "safe_date_of_ymd", "dateOf"}, {"datetime_of_fields", "safe_datetime_of_fields", "datetimeOf"},
        {"time_of_fields", "safe_time_of_fields", "timeOf"}, {"date_of_timestamp", "safe_date_of_timestamp", "dateOfTimestamp"},
        {"time_of_timestamp", "safe_time_of_timestamp", "timeOfTimestamp"},
        {"datetime_of_timestamp", "safe_datetime_of_timestamp", "datetimeOfTimestamp"},
        {"timestamp_of_string", "safe_timestamp_of_string", "timestampOfString"},
        {"timestamp_of_datetime", "safe_timestamp_of_datetime", "timestampOfDatetime"},
        {"timestamp_text", "safe_timestamp_text", "timestampText"}, {"datetime_add_part", "safe_datetime_add_part", "datetimeAdd"},
        {"timestamp_add_part", "safe_timestamp_add_part", "timestampAdd"},
        {"date_of_unix_date", "safe_date_of_unix_date", "dateFromUnixDate"},
        {"timestamp_of_units", "safe_timestamp_of_units", "timestampOfUnits"},
        {"generate_timestamp_array", "safe_generate_timestamp_array", "generateTimestamps"},
        {"format_timestamp_of", "safe_format_timestamp_of", "formatTimestamp"}, {"parse_time_of", "safe_parse_time_of", "parseTime"},
        {"parse_datetime_of", "safe_parse_datetime_of", "parseDatetime"},
        {"parse_timestamp_of", "safe_parse_timestamp_of", "parseTimestamp"},
    };

    private SafeTimeRuntime() {
    }

    public static LocalDate dateOf(Long year, Long month, Long day) {
        return SafeRuntime.orNull(() -> TimeRuntime.dateOf(year, month, day));
    }

    public static LocalDateTime datetimeOf(Long year, Long month, Long day, Long hour, Long minute, Long second) {
        return SafeRuntime.orNull(() -> TimeRuntime.datetimeOf(year, month, day, hour, minute, second));
    }

    public static LocalTime timeOf(Long hour, Long minute, Long second) {
        return SafeRuntime.orNull(() -> TimeRuntime.timeOf(hour, minute, second));
    }

    public static LocalDate dateOfTimestamp(OffsetDateTime timestamp, String zone) {
        return SafeRuntime.orNull(() -> TimeRuntime.dateOfTimestamp(timestamp, zone));
    }

    public static LocalTime timeOfTimestamp(OffsetDateTime timestamp, String zone) {
        return SafeRuntime.orNull(() -> TimeRuntime.timeOfTimestamp(timestamp, zone));
    }

    public static LocalDateTime datetimeOfTimestamp(OffsetDateTime timestamp, String zone) {
        return SafeRuntime.orNull(() -> TimeRuntime.datetimeOfTimestamp(timestamp, zone));
    }

    public static OffsetDateTime timestampOfString(String text, String zone, Boolean zoneGiven) {
        return SafeRuntime.orNull(() -> TimeRuntime.timestampOfString(text, zone, zoneGiven));
    }

    public static OffsetDateTime timestampOfDatetime(LocalDateTime local, String zone) {
        return SafeRuntime.orNull(() -> TimeRuntime.timestampOfDatetime(local, zone));
    }

    public static String timestampText(OffsetDateTime timestamp, String zone) {
        return SafeRuntime.orNull(() -> TimeRuntime.timestampText(timestamp, zone));
    }

    public static LocalDateTime datetimeAdd(LocalDateTime value, Long by, String part, Boolean subtract) {
        return SafeRuntime.orNull(() -> TimeRuntime.datetimeAdd(value, by, part, subtract));
    }

    public static OffsetDateTime timestampAdd(OffsetDateTime value, Long by, String part, Boolean subtract) {
        return SafeRuntime.orNull(() -> TimeRuntime.timestampAdd(value, by, part, subtract));
    }

    public static LocalDate dateFromUnixDate(Long days) {
        return SafeRuntime.orNull(() -> TimeRuntime.dateFromUnixDate(days));
    }

    public static OffsetDateTime timestampOfUnits(Long value, Long unitMicros) {
        return SafeRuntime.orNull(() -> TimeRuntime.timestampOfUnits(value, unitMicros));
    }

    public static OffsetDateTime[] generateTimestamps(OffsetDateTime start, OffsetDateTime end, Long step, String part) {
        return SafeRuntime.orNull(() -> TimeRuntime.generateTimestamps(start, end, step, part));
    }

    public static String formatTimestamp(String format, OffsetDateTime value, String zone) {
        return SafeRuntime.orNull(() -> TimeRuntime.formatTimestamp(format, value, zone));
    }

    public static LocalTime parseTime(String format, String text) {
        return SafeRuntime.orNull(() -> TimeRuntime.parseTime(format, text));
    }

    public static LocalDateTime parseDatetime(String format, String text) {
        return SafeRuntime.orNull(() -> TimeRuntime.parseDatetime(format, text));
    }

    public static OffsetDateTime parseTimestamp(String format, String text, String zone) {
        return SafeRuntime.orNull(() -> TimeRuntime.parseTimestamp(format, text, zone));
    }
}
