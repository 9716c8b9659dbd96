package io.dicombq.adapter.out.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

/**
 * The {@code SAFE.} twins of the runtime functions that can fail, installed in H2 next to them: each calls its
 * function and gives NULL where BigQuery would fail (BigQuery docs: SAFE. prefix). A value whose BigQuery answer the
 * engine does not know ({@link InvalidValueException#unknownAnswer}) still fails, so SAFE. never hides a guess.
 */
public final class SafeRuntime {
    /** Each runtime function that can fail, its twin's name and its twin's method. */
    static final String[][] TWINS = {
        {"substr", "safe_substr", "substr"}, {"re_replace", "safe_re_replace", "regexpReplace"},
        {"date_add", "safe_date_add", "dateAdd"}, {"json_value", "safe_json_value", "jsonValue"},
        {"json_query", "safe_json_query", "jsonQuery"}, {"trunc_date", "safe_trunc_date", "truncDate"},
        {"trunc_datetime", "safe_trunc_datetime", "truncDatetime"},
        {"trunc_timestamp", "safe_trunc_timestamp", "truncTimestamp"}, {"trunc_time", "safe_trunc_time", "truncTime"},
        {"last_day_of", "safe_last_day_of", "lastDay"}, {"generate_int64_array", "safe_generate_int64_array", "generateInt64"},
        {"generate_float64_array", "safe_generate_float64_array", "generateFloat64"},
        {"generate_numeric_array", "safe_generate_numeric_array", "generateNumeric"},
        {"generate_date_array", "safe_generate_date_array", "generateDates"}, {"idiv", "safe_idiv", "divideInteger"},
        {"div_numeric", "safe_div_numeric", "divNumeric"}, {"parse_date_format", "safe_parse_date_format", "parseDate"},
        {"date_bucket", "safe_date_bucket", "dateBucket"}, {"datetime_bucket", "safe_datetime_bucket", "datetimeBucket"},
        {"timestamp_bucket", "safe_timestamp_bucket", "timestampBucket"},
    };

    private SafeRuntime() {
    }

    /** The twins as H2 aliases: name and method. */
    static String[][] aliases() {
        return aliases(TWINS);
    }

    /** Any table of twins (function, twin's name, twin's method) as H2 aliases. */
    static String[][] aliases(String[][] twins) {
        String[][] aliases = new String[twins.length][];
        for (int i = 0; i < twins.length; i++) {
            aliases[i] = new String[] {twins[i][1], twins[i][2]};
        }
        return aliases;
    }

    public static String substr(String value, Long position, Long length, Boolean hasLength) {
        return orNull(() -> ScalarRuntime.substr(value, position, length, hasLength));
    }

    public static String regexpReplace(String value, String javaPattern, String replacement) {
        return orNull(() -> TextRuntime.regexpReplace(value, javaPattern, replacement));
    }

    public static LocalDate dateAdd(LocalDate date, Long amount, String unit) {
        return orNull(() -> ScalarRuntime.dateAdd(date, amount, unit));
    }

    public static String jsonValue(byte[] json, String path, Boolean jsonTyped) {
        return orNull(() -> JsonRuntime.jsonValue(json, path, jsonTyped));
    }

    public static String jsonQuery(byte[] json, String path, Boolean jsonTyped) {
        return orNull(() -> JsonRuntime.jsonQuery(json, path, jsonTyped));
    }

    public static LocalDate truncDate(LocalDate date, String part) {
        return orNull(() -> CalendarRuntime.truncDate(date, part));
    }

    public static LocalDateTime truncDatetime(LocalDateTime value, String part) {
        return orNull(() -> CalendarRuntime.truncDatetime(value, part));
    }

    public static OffsetDateTime truncTimestamp(OffsetDateTime value, String part, String zone) {
        return orNull(() -> CalendarRuntime.truncTimestamp(value, part, zone));
    }

    public static LocalTime truncTime(LocalTime value, String part) {
        return orNull(() -> CalendarRuntime.truncTime(value, part));
    }

    public static LocalDate lastDay(LocalDate date, String part) {
        return orNull(() -> CalendarRuntime.lastDay(date, part));
    }

    public static Long[] generateInt64(Long start, Long end, Long step) {
        return orNull(() -> CalendarRuntime.generateInt64(start, end, step));
    }

    public static Double[] generateFloat64(Double start, Double end, Double step) {
        return orNull(() -> CalendarRuntime.generateFloat64(start, end, step));
    }

    public static BigDecimal[] generateNumeric(BigDecimal start, BigDecimal end, BigDecimal step) {
        return orNull(() -> CalendarRuntime.generateNumeric(start, end, step));
    }

    public static LocalDate[] generateDates(LocalDate start, LocalDate end, Long step, String part) {
        return orNull(() -> CalendarRuntime.generateDates(start, end, step, part));
    }

    public static Long divideInteger(Long a, Long b) {
        return orNull(() -> StrictFunctions.divideInteger(a, b));
    }

    public static BigDecimal divNumeric(BigDecimal x, BigDecimal y) {
        return orNull(() -> MathRuntime.divNumeric(x, y));
    }

    public static LocalDate parseDate(String format, String text) {
        return orNull(() -> ScalarRuntime.parseDate(format, text));
    }

    public static LocalDate dateBucket(LocalDate date, Long months, Long days, Long micros, LocalDate origin) {
        return orNull(() -> BucketRuntime.dateBucket(date, months, days, micros, origin));
    }

    public static LocalDateTime datetimeBucket(LocalDateTime value, Long months, Long days, Long micros, LocalDateTime origin) {
        return orNull(() -> BucketRuntime.datetimeBucket(value, months, days, micros, origin));
    }

    public static OffsetDateTime timestampBucket(OffsetDateTime value, Long months, Long days, Long micros, OffsetDateTime origin) {
        return orNull(() -> BucketRuntime.timestampBucket(value, months, days, micros, origin));
    }

    static <T> T orNull(Supplier<T> function) {
        try {
            return function.get();
        } catch (InvalidValueException e) {
            if (!e.bigQueryFails()) {
                throw e;
            }
            return null;
        }
    }
}
