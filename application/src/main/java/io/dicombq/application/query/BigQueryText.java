package io.dicombq.application.query;

import io.dicombq.domain.schema.JsonText;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Scalar values as BigQuery's {@code CAST(x AS STRING)} writes them: DATE {@code 2021-03-04}, TIME
 * {@code 12:30:00} (a fraction only when it is not zero, in groups of three digits: {@code .500}, {@code .123450}), TIMESTAMP
 * {@code 2021-03-04 12:30:00+00}, FLOAT64 in the shortest form that reads back exactly ({@code 1}, {@code 0.1},
 * {@code 1e+20}), BOOL {@code true}. The query engine's CONCAT and the result formatters share it.
 */
public final class BigQueryText {
    private BigQueryText() {
    }

    /** The text of a non-null scalar; BYTES as base64 (how the BigQuery API returns them). */
    public static String of(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Double || value instanceof Float) {
            return ofFloat(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal) {
            return ofNumeric((BigDecimal) value);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof LocalDate) {
            return ofDate((LocalDate) value);
        }
        if (value instanceof LocalTime) {
            return ofTime((LocalTime) value);
        }
        if (value instanceof LocalDateTime) {
            LocalDateTime dateTime = (LocalDateTime) value;
            return ofDate(dateTime.toLocalDate()) + " " + ofTime(dateTime.toLocalTime());
        }
        if (value instanceof Instant) {
            LocalDateTime utc = LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
            return ofDate(utc.toLocalDate()) + " " + ofTime(utc.toLocalTime()) + "+00";
        }
        if (value instanceof byte[]) {
            return Base64.getEncoder().encodeToString((byte[]) value);
        }
        if (value instanceof JsonText) {
            return ((JsonText) value).json();
        }
        throw new IllegalArgumentException("not a BigQuery scalar: " + value.getClass().getName());
    }

    /**
     * A RANGE as BigQuery's {@code CAST(range AS STRING)} writes it: {@code [start, end)}, each bound as its own
     * CAST writes it and {@code UNBOUNDED} for a NULL (open) bound (BigQuery docs: range type).
     */
    public static String ofRange(Object start, Object end) {
        return "[" + (start == null ? UNBOUNDED : of(start)) + ", " + (end == null ? UNBOUNDED : of(end)) + ")";
    }

    /** The text of an open RANGE bound. */
    public static final String UNBOUNDED = "UNBOUNDED";

    public static String ofDate(LocalDate date) {
        return String.format("%04d-%02d-%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    public static String ofTime(LocalTime time) {
        String base = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        int micros = time.getNano() / 1000;
        if (micros == 0) {
            return base;
        }
        // ZetaSQL's CAST(TIME AS STRING) writes milli- or microseconds, whichever holds the value exactly
        // (compliance test roundtrip_cast_between_string_and_time_common: "01:02:03.120", "01:02:03.123450").
        return micros % 1000 == 0 ? base + String.format(".%03d", micros / 1000) : base + String.format(".%06d", micros);
    }

    public static String ofNumeric(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }

    /** FLOAT64 text: C's {@code %.15g}, or {@code %.17g} when 15 digits do not read back as the same double. */
    public static String ofFloat(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String shorter = general(value, 15);
        return Double.parseDouble(shorter) == value ? shorter : general(value, 17);
    }

    private static String general(double value, int precision) {
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            String mantissa = stripZeros(rounded.movePointLeft(exponent).toPlainString());
            int magnitude = Math.abs(exponent);
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
        }
        return stripZeros(rounded.toPlainString());
    }

    private static String stripZeros(String number) {
        if (!number.contains(".")) {
            return number;
        }
        String stripped = number.replaceAll("0+$", "");
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
