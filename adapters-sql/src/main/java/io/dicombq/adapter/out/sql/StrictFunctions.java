package io.dicombq.adapter.out.sql;

import org.h2.value.Value;
import org.h2.value.ValueDecfloat;
import org.h2.value.ValueNull;

import java.math.BigDecimal;
import java.math.MathContext;
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
        {"favg", "mean"}, {"error", "error"}, {"unknown_answer", "unknownAnswer"},
    };

    /** Digits that decide a sum's rounding to FLOAT64 unless it lies that close to a tie between two of them. */
    private static final MathContext ROUNDING_DIGITS = new MathContext(34);

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
     * A FLOAT64's exact binary value as a DECFLOAT (NaN and the infinities as DECFLOAT's own): SUM over FLOAT64 adds
     * these exactly and rounds once, as ZetaSQL's reference implementation does (an exact float accumulator); H2 would
     * add the shortest decimal forms instead, so that 0.1 + 0.2 gave 0.3, not 0.30000000000000004.
     */
    public static Value exactValue(Double value) {
        if (value == null) {
            return ValueNull.INSTANCE;
        }
        if (Double.isNaN(value)) {
            return ValueDecfloat.NAN;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? ValueDecfloat.POSITIVE_INFINITY : ValueDecfloat.NEGATIVE_INFINITY;
        }
        return ValueDecfloat.get(new BigDecimal(value));
    }

    /**
     * SUM over FLOAT64: the exact sum rounded once (half to even); past FLOAT64's range with no summed value infinite,
     * an error (BigQuery docs, SUM: "If there is numeric overflow, produces an error"), or NULL with {@code safe}
     * (SAFE.SUM). {@code largest} is the largest absolute value summed.
     */
    public static Double checkedSum(Value sum, Double largest, Boolean safe) {
        if (sum == null || sum == ValueNull.INSTANCE) {
            return null;
        }
        double rounded = toFloat64(sum);
        if (Double.isInfinite(rounded) && largest != null && !Double.isInfinite(largest)) {
            if (Boolean.TRUE.equals(safe)) {
                return null;
            }
            throw new InvalidValueException("Floating point overflow in function: SUM");
        }
        return rounded;
    }

    /**
     * AVG over FLOAT64: the exact sum of the values' exact binary values over their count, rounded once to the nearest
     * FLOAT64 (ties to even); H2's AVG divided the values' shortest decimal forms, so that AVG of 0.1 and 0.2 gave 0.15
     * where ZetaSQL's reference gives 0.15000000000000002. A NaN gives NaN, infinities as IEEE 754 adds them (BigQuery
     * docs, AVG: an infinity gives an infinity or NaN). NULL for no values.
     */
    public static Double mean(Value sum, Long count) {
        if (sum == null || sum == ValueNull.INSTANCE || count == null || count == 0) {
            return null;
        }
        if (!(sum instanceof ValueDecfloat decfloat) || !decfloat.isFinite()) {
            return sum.getDouble();
        }
        BigDecimal exact = decfloat.getBigDecimal();
        BigDecimal n = BigDecimal.valueOf(count);
        // within an ulp of the answer; the midpoints to its neighbours, times n, decide it exactly
        double mean = exact.divide(n, ROUNDING_DIGITS).doubleValue();
        while (true) {
            // a mean lies between the values averaged, so it never passes the largest finite FLOAT64
            double below = Math.nextDown(mean);
            int side = Double.isInfinite(below) ? 1 : exact.compareTo(midpoint(below, mean).multiply(n));
            if (side < 0 || side == 0 && isOdd(mean)) {
                mean = below;
                continue;
            }
            double above = Math.nextUp(mean);
            side = Double.isInfinite(above) ? -1 : exact.compareTo(midpoint(mean, above).multiply(n));
            if (side > 0 || side == 0 && isOdd(mean)) {
                mean = above;
                continue;
            }
            return mean;
        }
    }

    /** The exact value halfway between two adjacent FLOAT64s (binary fractions are finite decimals). */
    private static BigDecimal midpoint(double a, double b) {
        return new BigDecimal(a).add(new BigDecimal(b)).multiply(HALF);
    }

    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** Whether a FLOAT64's last significand bit is 1: of two neighbours at a tie, the other one is even. */
    private static boolean isOdd(double value) {
        return (Double.doubleToRawLongBits(value) & 1L) != 0;
    }

    /**
     * An exact sum to the nearest FLOAT64: from 34 digits when both neighbours of those digits round the same way
     * (BigDecimal.doubleValue of a long exact sum parses its whole text), from every digit otherwise.
     */
    private static double toFloat64(Value sum) {
        if (!(sum instanceof ValueDecfloat decfloat) || !decfloat.isFinite()) {
            return sum.getDouble();
        }
        BigDecimal exact = decfloat.getBigDecimal();
        if (exact.precision() <= ROUNDING_DIGITS.getPrecision()) {
            return exact.doubleValue();
        }
        BigDecimal near = exact.round(ROUNDING_DIGITS);
        double rounded = near.doubleValue();
        BigDecimal blur = near.ulp();
        if (near.subtract(blur).doubleValue() == rounded && near.add(blur).doubleValue() == rounded) {
            return rounded;
        }
        return exact.doubleValue();
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
