package io.dicombq.adapter.out.sql;

import io.dicombq.application.query.BigQueryText;
import io.dicombq.domain.dicom.NumberStrings;
import io.dicombq.domain.schema.BigNumeric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * BIGNUMERIC arithmetic and conversions, installed as H2 functions: exact, rounded half away from zero to 38 digits
 * after the point, and an error (NULL with {@code safe}) outside BIGNUMERIC's range (BigQuery docs: decimal types,
 * arithmetic operators, conversion rules). H2's own NUMERIC arithmetic neither knows that range nor rounds a product
 * or a quotient to 38 digits.
 */
public final class BigNumericRuntime {
    static final String[][] NAMES = {
        {"bignumeric_add", "add"}, {"bignumeric_subtract", "subtract"}, {"bignumeric_multiply", "multiply"},
        {"bignumeric_divide", "divide"}, {"bignumeric_negate", "negate"}, {"bignumeric_abs", "abs"},
        {"bignumeric_checked", "checked"}, {"bignumeric_of_string", "ofString"}, {"bignumeric_of_double", "ofDouble"},
        {"bignumeric_to_numeric", "toNumeric"}, {"bignumeric_to_int64", "toInt64"}, {"bignumeric_to_double", "toDouble"},
        {"bignumeric_to_string", "toText"}, {"parse_bignumeric", "parse"},
    };
    /** NUMERIC's largest magnitude, 29 digits before the point and 9 after. */
    private static final BigDecimal NUMERIC_MAX = new BigDecimal("99999999999999999999999999999.999999999");

    private BigNumericRuntime() {
    }

    public static BigDecimal add(BigDecimal a, BigDecimal b, Boolean safe) {
        return a == null || b == null ? null : result(a.add(b), safe, a, "+", b);
    }

    public static BigDecimal subtract(BigDecimal a, BigDecimal b, Boolean safe) {
        return a == null || b == null ? null : result(a.subtract(b), safe, a, "-", b);
    }

    public static BigDecimal multiply(BigDecimal a, BigDecimal b, Boolean safe) {
        return a == null || b == null ? null : result(a.multiply(b), safe, a, "*", b);
    }

    public static BigDecimal divide(BigDecimal a, BigDecimal b, Boolean safe) {
        if (a == null || b == null) {
            return null;
        }
        if (b.signum() == 0) {
            if (Boolean.TRUE.equals(safe)) {
                return null;
            }
            throw new InvalidValueException("division by zero: " + text(a) + " / " + text(b));
        }
        // a quotient past the range fails anyway; rounding it to 38 digits first would cost a huge division
        if (a.abs().compareTo(b.abs().multiply(BigNumeric.MAX).multiply(BigDecimal.TEN)) > 0) {
            return overflow(safe, a, "/", b);
        }
        return result(a.divide(b, BigNumeric.SCALE, RoundingMode.HALF_UP), safe, a, "/", b);
    }

    public static BigDecimal negate(BigDecimal a, Boolean safe) {
        return a == null ? null : result(a.negate(), safe, null, "-", a);
    }

    public static BigDecimal abs(BigDecimal a, Boolean safe) {
        return a == null ? null : result(a.abs(), safe, null, "ABS", a);
    }

    /** A SUM's exact total, failing past the range (BigQuery docs: SUM, "If there is numeric overflow, produces an error"). */
    public static BigDecimal checked(BigDecimal sum) {
        return sum == null ? null : result(sum, false, null, "SUM", null);
    }

    /** CAST(STRING AS BIGNUMERIC): the text CAST(… AS NUMERIC) reads, rounded to 38 digits after the point. */
    public static BigDecimal ofString(String text, Boolean safe) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        BigDecimal value = NumberStrings.isDecimal(trimmed) ? BigNumeric.rounded(new BigDecimal(trimmed)) : null;
        if (value == null) {
            return bad("Invalid BIGNUMERIC value: " + text, safe);
        }
        return value;
    }

    /** PARSE_BIGNUMERIC: as PARSE_NUMERIC reads its text (commas, a trailing sign), with BIGNUMERIC's range and scale. */
    public static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String plain = BigQueryFunctions.ungrouped(text);
        BigDecimal value = plain == null ? null : ofString(plain, true);
        if (value == null) {
            throw new InvalidValueException("Invalid input to PARSE_BIGNUMERIC: \"" + text + "\"");
        }
        return value;
    }

    /** CAST(FLOAT64 AS BIGNUMERIC): the double's exact binary value, rounded to 38 digits; NaN and infinities fail. */
    public static BigDecimal ofDouble(Double value, Boolean safe) {
        if (value == null) {
            return null;
        }
        BigDecimal rounded = Double.isFinite(value) ? BigNumeric.rounded(new BigDecimal(value)) : null;
        return rounded != null ? rounded : bad("Illegal conversion of " + BigQueryText.ofFloat(value) + " to BIGNUMERIC", safe);
    }

    /** CAST(BIGNUMERIC AS NUMERIC): rounded half away from zero to 9 digits; past NUMERIC's range an error. */
    public static BigDecimal toNumeric(BigDecimal value, Boolean safe) {
        if (value == null) {
            return null;
        }
        BigDecimal rounded = value.setScale(9, RoundingMode.HALF_UP);
        return rounded.abs().compareTo(NUMERIC_MAX) <= 0 ? rounded : bad("numeric overflow: " + text(value), safe);
    }

    /** CAST(BIGNUMERIC AS INT64): rounded half away from zero; outside INT64 an error. */
    public static Long toInt64(BigDecimal value, Boolean safe) {
        if (value == null) {
            return null;
        }
        BigInteger rounded = value.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
        return rounded.bitLength() <= 63 ? rounded.longValue() : bad("int64 overflow: " + text(value), safe);
    }

    /** CAST(BIGNUMERIC AS FLOAT64): the nearest double, read from the decimal text (correctly rounded). */
    public static Double toDouble(BigDecimal value) {
        return value == null ? null : Double.parseDouble(value.toString());
    }

    /** CAST(BIGNUMERIC AS STRING): plain digits without trailing fraction zeros, as NUMERIC prints. */
    public static String toText(BigDecimal value) {
        return value == null ? null : text(value);
    }

    private static BigDecimal result(BigDecimal exact, Boolean safe, BigDecimal left, String operator, BigDecimal right) {
        BigDecimal rounded = BigNumeric.rounded(exact);
        return rounded != null ? rounded : overflow(safe, left, operator, right);
    }

    private static BigDecimal overflow(Boolean safe, BigDecimal left, String operator, BigDecimal right) {
        String operation = left != null ? text(left) + " " + operator + " " + text(right)
                : right != null ? operator + "(" + text(right) + ")" : operator;
        return bad("BIGNUMERIC overflow: " + operation, safe);
    }

    private static <T> T bad(String message, Boolean safe) {
        if (Boolean.TRUE.equals(safe)) {
            return null;
        }
        throw new InvalidValueException(message);
    }

    private static String text(BigDecimal value) {
        return BigQueryText.ofNumeric(value);
    }
}
