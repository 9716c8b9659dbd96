package io.dicombq.adapter.out.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * BigQuery's mathematical functions where H2 has none or answers differently (BigQuery docs: mathematical
 * functions): rounding is half away from zero, a finite argument that gives an infinite or undefined result is an
 * error (or NULL under {@code SAFE.}), and NaN and infinities pass through. Installed as H2 functions (see
 * {@link BigQueryFunctions#install}); every one returns NULL when an argument is NULL.
 */
public final class MathRuntime {
    static final String[][] NAMES = {
        {"round_float", "round"}, {"round_numeric", "roundNumeric"}, {"trunc_float", "trunc"},
        {"trunc_numeric", "truncNumeric"}, {"ceil_float", "ceil"}, {"floor_float", "floor"}, {"pow_float", "pow"},
        {"sqrt_float", "sqrt"}, {"ln_float", "ln"}, {"log_float", "log"}, {"log10_float", "log10"}, {"exp_float", "exp"},
        {"ieee_divide", "ieeeDivide"}, {"sign_float", "sign"}, {"div_numeric", "divNumeric"},
        {"safe_int64", "safeInt64"}, {"safe_float", "safeFloat"},
    };
    /** Past this many digits a FLOAT64 is unchanged by rounding (a double has at most 1074 fraction digits). */
    private static final long NO_CHANGE_DIGITS = 1100;

    private MathRuntime() {
    }

    /** ROUND(x[, digits]) on FLOAT64: half away from zero, at the decimal digit asked for (negative: left of the point). */
    public static Double round(Double x, Long digits, Boolean safe) {
        return decimal(x, digits, RoundingMode.HALF_UP, "ROUND", safe);
    }

    /** TRUNC(x[, digits]) on FLOAT64: toward zero. */
    public static Double trunc(Double x, Long digits, Boolean safe) {
        return decimal(x, digits, RoundingMode.DOWN, "TRUNC", safe);
    }

    private static Double decimal(Double x, Long digits, RoundingMode mode, String function, Boolean safe) {
        if (x == null || digits == null) {
            return null;
        }
        if (Double.isNaN(x) || Double.isInfinite(x) || digits > NO_CHANGE_DIGITS) {
            return x;
        }
        if (digits < -NO_CHANGE_DIGITS) {
            return Math.copySign(0.0, x);
        }
        double result = new BigDecimal(x).setScale((int) (long) digits, mode).doubleValue();
        if (Double.isInfinite(result)) {
            return fail(function + "(" + BigQueryFunctions.floatString(x) + ", " + digits + ")", "Floating point overflow in function: ", safe);
        }
        // the sign of a zero result is the argument's, as C's round and trunc keep it
        return result == 0.0 ? Math.copySign(0.0, x) : result;
    }

    /** ROUND(x[, digits]) on NUMERIC: half away from zero; the caller's cast to NUMERIC fails on overflow. */
    public static BigDecimal roundNumeric(BigDecimal x, Long digits) {
        return x == null || digits == null ? null : x.setScale((int) Math.max(-40, Math.min(9, digits)), RoundingMode.HALF_UP);
    }

    public static BigDecimal truncNumeric(BigDecimal x, Long digits) {
        return x == null || digits == null ? null : x.setScale((int) Math.max(-40, Math.min(9, digits)), RoundingMode.DOWN);
    }

    public static Double ceil(Double x) {
        return x == null ? null : Math.ceil(x);
    }

    public static Double floor(Double x) {
        return x == null ? null : Math.floor(x);
    }

    /** POW(x, y): an infinite result from finite arguments, or NaN from numbers, is an error. */
    public static Double pow(Double x, Double y, Boolean safe) {
        if (x == null || y == null) {
            return null;
        }
        return checked(Math.pow(x, y), "POW", safe, x, y);
    }

    public static Double sqrt(Double x, Boolean safe) {
        if (x == null) {
            return null;
        }
        if (x < 0) {
            return fail("SQRT(" + BigQueryFunctions.floatString(x) + ")", "Argument to SQRT cannot be negative: ", safe);
        }
        return Math.sqrt(x);
    }

    public static Double ln(Double x, Boolean safe) {
        if (x == null) {
            return null;
        }
        if (x <= 0) {
            return fail("LN(" + BigQueryFunctions.floatString(x) + ")", "Argument to LN must be positive: ", safe);
        }
        return Math.log(x);
    }

    public static Double log10(Double x, Boolean safe) {
        if (x == null) {
            return null;
        }
        if (x <= 0) {
            return fail("LOG10(" + BigQueryFunctions.floatString(x) + ")", "Argument to LOG10 must be positive: ", safe);
        }
        return Math.log10(x);
    }

    /** LOG(x, base): x must be positive, the base positive and not 1. */
    public static Double log(Double x, Double base, Boolean safe) {
        if (x == null || base == null) {
            return null;
        }
        if (Double.isNaN(x) || Double.isNaN(base)) {
            return Double.NaN;
        }
        if (x <= 0 || base <= 0 || base == 1.0) {
            return fail("LOG(" + BigQueryFunctions.floatString(x) + ", " + BigQueryFunctions.floatString(base) + ")",
                    "Floating point error in function: ", safe);
        }
        return checked(Math.log(x) / Math.log(base), "LOG", safe, x, base);
    }

    public static Double exp(Double x, Boolean safe) {
        if (x == null) {
            return null;
        }
        return checked(Math.exp(x), "EXP", safe, x);
    }

    /**
     * IEEE_DIVIDE: never an error in BigQuery; division by zero gives an infinity or NaN. H2 keeps no negative zero
     * (-0.0 is stored and computed as 0.0), so the sign of the infinity from a non-zero divided by zero is unknown.
     */
    public static Double ieeeDivide(Double x, Double y) {
        if (x == null || y == null) {
            return null;
        }
        if (y == 0.0 && x != 0.0 && !Double.isNaN(x)) {
            throw InvalidValueException.unknownAnswer("IEEE_DIVIDE(" + BigQueryFunctions.floatString(x)
                    + ", 0) (whose sign, +inf or -inf, depends on the sign of a zero the embedded warehouse does not keep)");
        }
        return x / y;
    }

    /** SIGN on FLOAT64: -1, 1, or the argument itself for zeros and NaN. */
    public static Double sign(Double x) {
        return x == null ? null : x > 0 ? 1.0 : x < 0 ? -1.0 : x;
    }

    /** DIV on NUMERIC: the quotient truncated toward zero; division by zero is an error. */
    public static BigDecimal divNumeric(BigDecimal x, BigDecimal y) {
        if (x == null || y == null) {
            return null;
        }
        if (y.signum() == 0) {
            throw new InvalidValueException("division by zero: DIV(" + x.toPlainString() + ", " + y.toPlainString() + ")");
        }
        return x.divide(y, 0, RoundingMode.DOWN);
    }

    /** SAFE_ADD, SAFE_SUBTRACT, SAFE_MULTIPLY, SAFE_NEGATE on INT64: NULL on overflow. */
    public static Long safeInt64(String operator, Long x, Long y) {
        if (x == null || (y == null && !operator.equals("neg"))) {
            return null;
        }
        try {
            return exactInt64(operator, x, y);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** {@code x operator y} on INT64 ({@code neg}: {@code -x}); ArithmeticException on overflow. */
    static long exactInt64(String operator, long x, Long y) {
        switch (operator) {
            case "+":
                return Math.addExact(x, y);
            case "-":
                return Math.subtractExact(x, y);
            case "*":
                return Math.multiplyExact(x, y);
            default:
                return Math.negateExact(x);
        }
    }

    /** SAFE_ADD, SAFE_SUBTRACT, SAFE_MULTIPLY on FLOAT64: NULL where the operator would overflow. */
    public static Double safeFloat(String operator, Double x, Double y) {
        if (x == null || y == null) {
            return null;
        }
        double result = operator.equals("+") ? x + y : operator.equals("-") ? x - y : x * y;
        return Double.isInfinite(result) && !Double.isInfinite(x) && !Double.isInfinite(y) ? null : result;
    }

    private static Double checked(double result, String function, Boolean safe, double... args) {
        boolean finiteArgs = true;
        boolean nanArg = false;
        for (double arg : args) {
            finiteArgs &= !Double.isInfinite(arg) && !Double.isNaN(arg);
            nanArg |= Double.isNaN(arg);
        }
        if ((Double.isInfinite(result) && finiteArgs) || (Double.isNaN(result) && !nanArg)) {
            StringBuilder call = new StringBuilder(function).append('(');
            for (int i = 0; i < args.length; i++) {
                call.append(i == 0 ? "" : ", ").append(BigQueryFunctions.floatString(args[i]));
            }
            return fail(call.append(')').toString(), Double.isNaN(result) ? "Floating point error in function: "
                    : "Floating point overflow in function: ", safe);
        }
        return result;
    }

    private static Double fail(String call, String message, Boolean safe) {
        if (Boolean.TRUE.equals(safe)) {
            return null;
        }
        throw new InvalidValueException(message + call);
    }
}
