package io.dicombq.adapter.out.sql;


import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * BigQuery's arithmetic and comparison rules where H2's differ, installed as H2 functions in schema
 * {@code __dicombq}: FLOAT64 overflow and division by zero are errors, NaN is unequal to everything and sorts
 * before numbers, FLOAT64 to INT64 rounds half away from zero and never clamps (BigQuery docs: mathematical
 * functions, conversion rules, operators).
 */
public final class StrictFunctions {
    static final String[][] NAMES = {
        {"is_nan", "isNaN"}, {"fcmp", "compare"}, {"fadd", "add"}, {"fsub", "subtract"}, {"fmul", "multiply"},
        {"fdiv", "divide"}, {"ndiv", "divideNumeric"}, {"idiv", "divideInteger"}, {"cast_int64", "castInt64"},
        {"unnest_length", "unnestLength"}, {"fsum", "checkedSum"}, {"fexact", "exactValue"}, {"iarith", "int64Arithmetic"},
        {"error", "error"}, {"unknown_answer", "unknownAnswer"},
    };

    private StrictFunctions() {
    }

    /** The SQL call of one of these functions. */
    static String call(String function, String... args) {
        return BigQueryFunctions.call(function, args);
    }

    /** ERROR(message): fails the query with the message as it is (BigQuery docs: debugging functions). */
    public static String error(String message) {
        throw new InvalidValueException(String.valueOf(message));
    }

    /** Fails the query with a refusal: the row's value is one whose BigQuery answer the engine cannot reproduce. */
    public static String unknownAnswer(String construct) {
        throw InvalidValueException.unknownAnswer(construct);
    }

    public static Boolean isNaN(Double value) {
        return value == null ? null : Double.isNaN(value);
    }

    /** A comparison where NaN is unequal to everything, even itself (IEEE 754, as BigQuery does). */
    public static Boolean compare(Double a, Double b, String operator) {
        if (a == null || b == null) {
            return null;
        }
        double x = a;
        double y = b;
        switch (operator) {
            case "=":
                return x == y;
            case "<>":
                return x != y;
            case "<":
                return x < y;
            case "<=":
                return x <= y;
            case ">":
                return x > y;
            case ">=":
                return x >= y;
            default:
                throw new IllegalArgumentException("no comparison " + operator);
        }
    }

    public static Double add(Double a, Double b) {
        return a == null || b == null ? null : finite(a + b, a, b, "+");
    }

    public static Double subtract(Double a, Double b) {
        return a == null || b == null ? null : finite(a - b, a, b, "-");
    }

    public static Double multiply(Double a, Double b) {
        return a == null || b == null ? null : finite(a * b, a, b, "*");
    }

    /** {@code /} on FLOAT64; with {@code safe} (SAFE_DIVIDE) NULL instead of an error. */
    public static Double divide(Double a, Double b, Boolean safe) {
        if (a == null || b == null) {
            return null;
        }
        if (b == 0.0) {
            if (Boolean.TRUE.equals(safe)) {
                return null;
            }
            throw new InvalidValueException("division by zero: " + BigQueryFunctions.floatString(a) + " / " + BigQueryFunctions.floatString(b));
        }
        double result = a / b;
        if (Double.isInfinite(result) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            if (Boolean.TRUE.equals(safe)) {
                return null;
            }
            throw overflow(a, b, "/");
        }
        return result;
    }

    public static BigDecimal divideNumeric(BigDecimal a, BigDecimal b, Boolean safe) {
        if (a == null || b == null) {
            return null;
        }
        if (b.signum() == 0) {
            if (Boolean.TRUE.equals(safe)) {
                return null;
            }
            throw new InvalidValueException("division by zero: " + a.toPlainString() + " / " + b.toPlainString());
        }
        // NUMERIC keeps 9 digits after the point, rounding half away from zero.
        return a.divide(b, 9, RoundingMode.HALF_UP);
    }

    /** DIV: integer division truncating toward zero; division by zero and MIN / -1 are errors. */
    public static Long divideInteger(Long a, Long b) {
        if (a == null || b == null) {
            return null;
        }
        if (b == 0) {
            throw new InvalidValueException("division by zero: " + a + " / " + b);
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw new InvalidValueException("int64 overflow: " + a + " / " + b);
        }
        return a / b;
    }

    /** CAST(FLOAT64 AS INT64): half away from zero; NaN, infinities and out-of-range values fail (or are NULL). */
    public static Long castInt64(Double value, Boolean safe) {
        if (value == null) {
            return null;
        }
        double rounded = Math.signum(value) * Math.floor(Math.abs(value) + 0.5);
        // 2^63 is the first double past INT64's range; -2^63 itself fits.
        if (Double.isNaN(value) || rounded >= 9.223372036854775807E18 || rounded < -9.223372036854775808E18) {
            if (Boolean.TRUE.equals(safe)) {
                return null;
            }
            throw new InvalidValueException((Double.isNaN(value) || Double.isInfinite(value)
                    ? "Illegal conversion of non-finite floating point number to an integer: "
                    : "int64 out of range: ") + BigQueryFunctions.floatString(value));
        }
        return (long) rounded;
    }

    /**
     * The length of an array built in the query that UNNEST expands, when the numbers table has a position for each
     * element; otherwise it stops the query (see {@link UnnestPositions}) rather than let the join cut it short.
     */
    public static Integer unnestLength(Integer length, Integer positions) {
        if (length != null && (positions == null || length > positions)) {
            throw new UnnestPositions.TooShort(length);
        }
        return length;
    }

    /** {@code + - *} on INT64: an overflow is an error in BigQuery's words ("int64 overflow: a + b"). */
    public static Long int64Arithmetic(Long a, Long b, String operator) {
        if (a == null || b == null) {
            return null;
        }
        try {
            return MathRuntime.exactInt64(operator, a, b);
        } catch (ArithmeticException e) {
            throw new InvalidValueException("int64 overflow: " + a + " " + operator + " " + b);
        }
    }

    /**
     * A FLOAT64's exact binary value as decimal text for a DECFLOAT (NaN and the infinities by name): SUM over FLOAT64
     * adds these exactly and rounds once, as ZetaSQL's reference implementation does (an exact float accumulator);
     * H2 would add the shortest decimal forms instead, so that 0.1 + 0.2 gave 0.3, not 0.30000000000000004.
     */
    public static String exactValue(Double value) {
        if (value == null) {
            return null;
        }
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return new java.math.BigDecimal(value).toString();
    }

    /**
     * SUM over FLOAT64: H2's sum, an error when it overflowed to an infinity that no summed value was (BigQuery docs,
     * SUM: "If there is numeric overflow, produces an error"); {@code largest} is the largest absolute value summed.
     */
    public static Double checkedSum(Double sum, Double largest) {
        if (sum != null && Double.isInfinite(sum) && largest != null && !Double.isInfinite(largest)) {
            throw new InvalidValueException("Floating point overflow in function: SUM");
        }
        return sum;
    }

    private static double finite(double result, double a, double b, String operator) {
        if (Double.isInfinite(result) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            throw overflow(a, b, operator);
        }
        return result;
    }

    private static InvalidValueException overflow(double a, double b, String operator) {
        return new InvalidValueException("Floating point overflow in expression: " + BigQueryFunctions.floatString(a)
                + " " + operator + " " + BigQueryFunctions.floatString(b));
    }
}
