package io.dicombq.domain.schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The canonical text of a scalar column value: what a value becomes when its column is STRING, and the
 * form the JSON of a row uses. Numbers are plain decimal, dates and times ISO 8601 with microseconds
 * only when present (BigQuery's own TIME and TIMESTAMP precision), timestamps in UTC with {@code Z}.
 */
public final class ValueText {
    private ValueText() {
    }

    public static String of(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Long number) {
            return number.toString();
        }
        if (value instanceof Double number) {
            return decimal(number);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof LocalTime time) {
            return time(time);
        }
        if (value instanceof Instant instant) {
            return timestamp(instant);
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalDate() + "T" + time(dateTime.toLocalTime());
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Boolean flag) {
            return flag.toString();
        }
        if (value instanceof JsonText json) {
            return json.json();
        }
        throw new IllegalArgumentException("no text form for a " + (value == null ? "null" : value.getClass().getName()));
    }

    /** Plain decimal without exponent or trailing zeros ("1", "0.5", "0.0000001"); NaN and infinities by name. */
    public static String decimal(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** {@code HH:MM:SS} plus {@code .ffffff} when the time has a fraction. */
    public static String time(LocalTime time) {
        StringBuilder out = new StringBuilder(15);
        two(out, time.getHour()).append(':');
        two(out, time.getMinute()).append(':');
        two(out, time.getSecond());
        int micros = time.getNano() / 1000;
        if (micros != 0) {
            String digits = Integer.toString(micros);
            out.append('.').append("000000", 0, 6 - digits.length()).append(digits);
        }
        return out.toString();
    }

    /** RFC 3339 in UTC: {@code YYYY-MM-DDTHH:MM:SS[.ffffff]Z}. */
    public static String timestamp(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return utc.toLocalDate() + "T" + time(utc.toLocalTime()) + "Z";
    }

    private static StringBuilder two(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
