package io.dicombq.adapter.out.sql;

import io.dicombq.application.query.BigQueryText;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * One format specifier of FORMAT applied to one value, as ZetaSQL does it (BigQuery docs: FORMAT): {@code flags}
 * are the specifier's flags ({@code -+ #0'}), {@code conversion} its letter, {@code width} and {@code precision}
 * NULL when absent. A NULL value gives {@code NULL} text under %t and %T and makes the whole result NULL otherwise.
 * Installed as H2 functions (see {@link BigQueryFunctions#install}).
 */
public final class FormatRuntime {
    static final String[][] NAMES = {
        {"fmt_int64", "int64"}, {"fmt_float64", "float64"}, {"fmt_numeric", "numeric"}, {"fmt_string", "string"},
        {"fmt_bytes", "bytes"}, {"fmt_bool", "bool"}, {"fmt_date", "date"}, {"fmt_time", "time"},
        {"fmt_datetime", "datetime"}, {"fmt_timestamp", "timestamp"}, {"fmt_json", "json"},
        {"fmt_int64_array", "int64Array"}, {"fmt_float64_array", "float64Array"}, {"fmt_numeric_array", "numericArray"},
        {"fmt_string_array", "stringArray"}, {"fmt_bytes_array", "bytesArray"}, {"fmt_bool_array", "boolArray"},
        {"fmt_date_array", "dateArray"}, {"fmt_time_array", "timeArray"}, {"fmt_datetime_array", "datetimeArray"},
        {"fmt_timestamp_array", "timestampArray"},
    };

    private FormatRuntime() {
    }

    public static String int64(Long value, String flags, String conversion, Long width, Long precision) {
        if (value == null || conversion.equalsIgnoreCase("t")) {
            return literal(value == null ? null : value.toString(), flags, conversion, width, precision);
        }
        BigInteger magnitude = BigInteger.valueOf(value).abs();
        int radix = conversion.equalsIgnoreCase("x") ? 16 : conversion.equals("o") ? 8 : 10;
        String digits = magnitude.toString(radix);
        if (conversion.equals("X")) {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        if (precision != null) {
            // ZetaSQL writes no digits for a zero with precision 0 under %d only ('%.0x' of 0 is 0).
            digits = precision == 0 && value == 0 && radix == 10 ? "" : "0".repeat(Math.max(0, precision.intValue() - digits.length())) + digits;
        }
        if (flags.contains("'")) {
            // Groups of three with ',' in decimal, of four with ':' in hexadecimal and ',' in octal.
            digits = group(digits, radix == 10 ? 3 : 4, radix == 16 ? ':' : ',');
        }
        String prefix = !flags.contains("#") ? "" : radix == 16 ? "0" + conversion : radix == 8 ? "0" : "";
        return number(value < 0, prefix, digits, flags, width, precision == null);
    }

    public static String float64(Double value, String flags, String conversion, Long width, Long precision) {
        if (value == null || conversion.equalsIgnoreCase("t")) {
            return literal(value == null ? null : floatText(value, conversion.equals("T")), flags, conversion, width, precision);
        }
        // ZetaSQL writes -0.0 without its sign here ('%f' gives 0.000000), unlike under %T.
        boolean negative = value < 0;
        if (value.isNaN() || value.isInfinite()) {
            String text = value.isNaN() ? "nan" : "inf";
            if (Character.isUpperCase(conversion.charAt(0))) {
                text = text.toUpperCase(java.util.Locale.ROOT);
            }
            return number(negative, "", text, flags.replace("0", ""), width, false);
        }
        return decimal(new BigDecimal(Math.abs(value)), negative, RoundingMode.HALF_EVEN, flags, conversion, width, precision);
    }

    public static String numeric(BigDecimal value, String flags, String conversion, Long width, Long precision) {
        if (value == null || conversion.equalsIgnoreCase("t")) {
            String text = value == null ? null : conversion.equals("T") ? "NUMERIC \"" + BigQueryText.ofNumeric(value) + "\""
                    : BigQueryText.ofNumeric(value);
            return literal(text, flags, conversion, width, precision);
        }
        // NUMERIC rounds half away from zero ('%.1f' of 0.25 is 0.3), FLOAT64 half to even as C does.
        return decimal(value.abs(), value.signum() < 0, RoundingMode.HALF_UP, flags, conversion, width, precision);
    }

    public static String string(String value, String flags, String conversion, Long width, Long precision) {
        return literal(value == null ? null : conversion.equals("T") ? GoogleSqlText.quoted(value) : value, flags, conversion,
                width, precision);
    }

    public static String bytes(byte[] value, String flags, String conversion, Long width, Long precision) {
        String text = value == null ? null : conversion.equals("T") ? GoogleSqlText.quoted(value)
                : GoogleSqlText.escaped(value, "\"'");
        return literal(text, flags, conversion, width, precision);
    }

    public static String bool(Boolean value, String flags, String conversion, Long width, Long precision) {
        return literal(value == null ? null : value.toString(), flags, conversion, width, precision);
    }

    public static String date(LocalDate value, String flags, String conversion, Long width, Long precision) {
        return literal(typed("DATE", value == null ? null : BigQueryText.ofDate(value), conversion), flags, conversion, width, precision);
    }

    public static String time(LocalTime value, String flags, String conversion, Long width, Long precision) {
        return literal(typed("TIME", value == null ? null : BigQueryText.ofTime(value), conversion), flags, conversion, width, precision);
    }

    public static String datetime(LocalDateTime value, String flags, String conversion, Long width, Long precision) {
        return literal(typed("DATETIME", value == null ? null : BigQueryText.of(value), conversion), flags, conversion, width, precision);
    }

    public static String timestamp(OffsetDateTime value, String flags, String conversion, Long width, Long precision) {
        return literal(typed("TIMESTAMP", value == null ? null : BigQueryText.of(value.toInstant()), conversion), flags,
                conversion, width, precision);
    }

    public static String json(byte[] value, String flags, String conversion, Long width, Long precision) {
        String text = value == null ? null : new String(value, StandardCharsets.UTF_8);
        if (text != null && text.contains("{")) {
            // ZetaSQL orders an object's keys under %t but not always under %T.
            throw InvalidValueException.unknownAnswer("FORMAT of a JSON object");
        }
        return literal(text == null || !conversion.equals("T") ? text : "JSON " + GoogleSqlText.quoted(text), flags, conversion,
                width, precision);
    }

    public static String int64Array(Long[] value, String flags, String conversion, Long width, Long precision) {
        return array(value, "INT64", flags, conversion, width, precision);
    }

    public static String float64Array(Double[] value, String flags, String conversion, Long width, Long precision) {
        return array(value, "FLOAT64", flags, conversion, width, precision);
    }

    public static String numericArray(BigDecimal[] value, String flags, String conversion, Long width, Long precision) {
        return array(value, "NUMERIC", flags, conversion, width, precision);
    }

    public static String stringArray(String[] value, String flags, String conversion, Long width, Long precision) {
        return array(value, "STRING", flags, conversion, width, precision);
    }

    public static String bytesArray(byte[][] value, String flags, String conversion, Long width, Long precision) {
        return array(value, "BYTES", flags, conversion, width, precision);
    }

    public static String boolArray(Boolean[] value, String flags, String conversion, Long width, Long precision) {
        return array(value, "BOOL", flags, conversion, width, precision);
    }

    public static String dateArray(LocalDate[] value, String flags, String conversion, Long width, Long precision) {
        return array(value, "DATE", flags, conversion, width, precision);
    }

    public static String timeArray(LocalTime[] value, String flags, String conversion, Long width, Long precision) {
        return array(value, "TIME", flags, conversion, width, precision);
    }

    public static String datetimeArray(LocalDateTime[] value, String flags, String conversion, Long width, Long precision) {
        return array(value, "DATETIME", flags, conversion, width, precision);
    }

    public static String timestampArray(OffsetDateTime[] value, String flags, String conversion, Long width, Long precision) {
        return array(value, "TIMESTAMP", flags, conversion, width, precision);
    }

    /** %t or %T of an array of scalars of {@code elementType} (INT64, FLOAT64, STRING…): {@code [a, b]}. */
    private static String array(Object[] value, String elementType, String flags, String conversion, Long width, Long precision) {
        if (value == null) {
            return literal(null, flags, conversion, width, precision);
        }
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < value.length; i++) {
            text.append(i == 0 ? "" : ", ").append(element(value[i], elementType, conversion));
        }
        return literal(text.append(']').toString(), flags, conversion, width, precision);
    }

    private static String element(Object value, String type, String conversion) {
        if (value == null) {
            return "NULL";
        }
        switch (type) {
            case "INT64":
                return value.toString();
            case "FLOAT64":
                // Inside an array %t writes FLOAT64 as %T does, bar NaN and infinities.
                return floatText(((Number) value).doubleValue(), conversion.equals("T"));
            case "NUMERIC":
                return numeric((BigDecimal) value, "", conversion, null, null);
            case "STRING":
                return string((String) value, "", conversion, null, null);
            case "BYTES":
                return bytes((byte[]) value, "", conversion, null, null);
            case "BOOL":
                return value.toString();
            case "DATE":
                return date((LocalDate) value, "", conversion, null, null);
            case "TIME":
                return time((LocalTime) value, "", conversion, null, null);
            case "DATETIME":
                return datetime((LocalDateTime) value, "", conversion, null, null);
            case "TIMESTAMP":
                return timestamp((OffsetDateTime) value, "", conversion, null, null);
            default:
                throw InvalidValueException.unknownAnswer("FORMAT of an ARRAY<" + type + ">");
        }
    }

    /** FLOAT64 under %t and %T: CAST's text with {@code .0} on whole numbers; NaN and infinities as CASTs under %T. */
    private static String floatText(double value, boolean typed) {
        if (value == 0 && 1 / value > 0) {
            // H2 does not keep the sign of zero, and ZetaSQL writes -0.0 with it here.
            throw InvalidValueException.unknownAnswer("FORMAT %t/%T of a FLOAT64 zero (the sign of zero is not kept)");
        }
        String text = BigQueryText.ofFloat(value);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return typed ? "CAST(\"" + text + "\" AS FLOAT64)" : text;
        }
        return text.matches("-?[0-9]+") ? text + ".0" : text;
    }

    private static String typed(String type, String text, String conversion) {
        return text == null || !conversion.equals("T") ? text : type + " \"" + text + "\"";
    }

    /** %f %e %g (and upper-case forms) of a non-negative exact value: C's rules, with the given rounding. */
    private static String decimal(BigDecimal magnitude, boolean negative, RoundingMode rounding, String flags,
                                  String conversion, Long width, Long precision) {
        int p = precision == null ? 6 : precision.intValue();
        boolean alternate = flags.contains("#");
        String body;
        switch (Character.toLowerCase(conversion.charAt(0))) {
            case 'f':
                body = fixed(magnitude, p, rounding, alternate);
                break;
            case 'e':
                body = scientific(magnitude, p, rounding, alternate);
                break;
            default:
                body = general(magnitude, p == 0 ? 1 : p, rounding, alternate);
                break;
        }
        if (Character.isUpperCase(conversion.charAt(0))) {
            body = body.toUpperCase(java.util.Locale.ROOT);
        }
        if (flags.contains("'")) {
            int point = body.indexOf('.');
            int end = point < 0 ? (body.contains("e") || body.contains("E") ? -1 : body.length()) : point;
            if (end < 0) {
                throw InvalidValueException.unknownAnswer("FORMAT: the ' flag with an exponent");
            }
            body = group(body.substring(0, end), 3, ',') + body.substring(end);
        }
        return number(negative, "", body, flags, width, true);
    }

    private static String fixed(BigDecimal magnitude, int precision, RoundingMode rounding, boolean alternate) {
        String text = magnitude.setScale(precision, rounding).toPlainString();
        return alternate && precision == 0 ? text + "." : text;
    }

    private static String scientific(BigDecimal magnitude, int precision, RoundingMode rounding, boolean alternate) {
        if (magnitude.signum() == 0) {
            return fixed(BigDecimal.ZERO, precision, rounding, alternate) + "e+00";
        }
        BigDecimal rounded = magnitude.round(new MathContext(precision + 1, rounding));
        int exponent = rounded.precision() - rounded.scale() - 1;
        String mantissa = fixed(rounded.movePointLeft(exponent), precision, rounding, alternate);
        int abs = Math.abs(exponent);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
    }

    private static String general(BigDecimal magnitude, int precision, RoundingMode rounding, boolean alternate) {
        int exponent = 0;
        if (magnitude.signum() != 0) {
            BigDecimal rounded = magnitude.round(new MathContext(precision, rounding));
            exponent = rounded.precision() - rounded.scale() - 1;
        }
        String text = exponent < -4 || exponent >= precision ? scientific(magnitude, precision - 1, rounding, alternate)
                : fixed(magnitude, precision - 1 - exponent, rounding, alternate);
        if (alternate) {
            return text;
        }
        int e = text.indexOf('e');
        String mantissa = e < 0 ? text : text.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "");
            mantissa = mantissa.endsWith(".") ? mantissa.substring(0, mantissa.length() - 1) : mantissa;
        }
        return e < 0 ? mantissa : mantissa + text.substring(e);
    }

    private static String group(String digits, int size, char separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % size == 0) {
                out.append(separator);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** A number's sign, prefix and digits padded to {@code width}: with zeros after the sign when asked and allowed. */
    private static String number(boolean negative, String prefix, String digits, String flags, Long width, boolean zeroPadding) {
        String sign = negative ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
        String head = sign + prefix;
        int length = head.length() + digits.length();
        if (width != null && length < width && flags.contains("0") && !flags.contains("-") && zeroPadding) {
            return head + "0".repeat((int) (width - length)) + digits;
        }
        return pad(head + digits, flags, width);
    }

    /** %s, %t, %T: the text cut to {@code precision} characters, then padded to {@code width}; NULL under %s. */
    private static String literal(String text, String flags, String conversion, Long width, Long precision) {
        if (text == null) {
            if (!conversion.equalsIgnoreCase("t")) {
                return null;
            }
            text = "NULL";
        }
        if (precision != null && text.codePointCount(0, text.length()) > precision) {
            text = text.substring(0, text.offsetByCodePoints(0, precision.intValue()));
        }
        return pad(text, flags, width);
    }

    private static String pad(String text, String flags, Long width) {
        int length = text.codePointCount(0, text.length());
        if (width == null || length >= width) {
            return text;
        }
        String spaces = " ".repeat((int) (width - length));
        return flags.contains("-") ? text + spaces : spaces + text;
    }
}
