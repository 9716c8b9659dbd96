package io.dicombq.adapter.out.sql;

/**
 * BigQuery's trigonometric and hyperbolic functions, CBRT, IS_INF and IS_NAN over FLOAT64, installed as H2
 * functions. As in ZetaSQL's math.h, a finite argument whose result is infinite or NaN is an error ("Floating
 * point error in function: ACOS(2)", or "overflow" for COSH, SINH and TAN), NULL under {@code SAFE.}; a NaN or
 * infinite argument gives whatever the function gives, without an error.
 */
public final class TrigonometricRuntime {
    static final String[][] NAMES = {
        {"trig", "unary"}, {"atan2_float", "atan2"}, {"is_inf_float", "isInf"}, {"is_nan_float", "isNaN"},
    };
    /** Past this, x * x overflows and the hyperbolic inverses use log(2|x|). */
    private static final double LARGE = 1e150;

    private TrigonometricRuntime() {
    }

    public static Double unary(String function, Double x, Boolean safe) {
        if (x == null) {
            return null;
        }
        double result = value(function, x);
        if (Double.isFinite(result) || !Double.isFinite(x)) {
            return result;
        }
        boolean overflow = function.equals("COSH") || function.equals("SINH") || function.equals("TAN");
        return fail((overflow ? "Floating point overflow in function: " : "Floating point error in function: ")
                + function + "(" + BigQueryFunctions.floatString(x) + ")", safe);
    }

    private static double value(String function, double x) {
        switch (function) {
            case "SIN":
                return Math.sin(x);
            case "COS":
                return Math.cos(x);
            case "TAN":
                return Math.tan(x);
            case "ASIN":
                return Math.asin(x);
            case "ACOS":
                return Math.acos(x);
            case "ATAN":
                return Math.atan(x);
            case "SINH":
                return Math.sinh(x);
            case "COSH":
                return Math.cosh(x);
            case "TANH":
                return Math.tanh(x);
            case "ASINH":
                return asinh(x);
            case "ACOSH":
                return acosh(x);
            case "ATANH":
                return atanh(x);
            case "COT":
                return 1.0 / Math.tan(x);
            case "CSC":
                return 1.0 / Math.sin(x);
            case "SEC":
                return 1.0 / Math.cos(x);
            case "COTH":
                return 1.0 / Math.tanh(x);
            case "CSCH":
                return 1.0 / Math.sinh(x);
            case "SECH":
                return 1.0 / Math.cosh(x);
            case "CBRT":
                return Math.cbrt(x);
            default:
                throw new IllegalArgumentException("no function " + function);
        }
    }

    private static double asinh(double x) {
        double a = Math.abs(x);
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double magnitude = a > LARGE ? Math.log(2) + Math.log(a) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(magnitude, x);
    }

    private static double acosh(double x) {
        if (!(x >= 1)) {
            return Double.NaN;
        }
        return x > LARGE ? Math.log(2) + Math.log(x) : Math.log(x + Math.sqrt(x * x - 1));
    }

    private static double atanh(double x) {
        double a = Math.abs(x);
        if (!(a <= 1)) {
            return Double.NaN;
        }
        return Math.copySign(0.5 * Math.log1p(2 * a / (1 - a)), x);
    }

    /**
     * ATAN2(y, x): never non-finite for finite arguments. With y zero and x not positive the answer (±0 or ±π)
     * depends on the signs of zeros, which H2 does not keep (as for IEEE_DIVIDE).
     */
    public static Double atan2(Double y, Double x, Boolean safe) {
        if (y == null || x == null) {
            return null;
        }
        if (y == 0.0 && !(x > 0) && !Double.isNaN(x)) {
            throw InvalidValueException.unknownAnswer("ATAN2(0, " + BigQueryFunctions.floatString(x) + ") (whose answer, "
                    + "±0 or ±π, depends on the signs of zeros the embedded warehouse does not keep)");
        }
        return Math.atan2(y, x);
    }

    public static Boolean isInf(Double x) {
        return x == null ? null : Double.isInfinite(x);
    }

    public static Boolean isNaN(Double x) {
        return x == null ? null : Double.isNaN(x);
    }

    private static Double fail(String message, Boolean safe) {
        if (Boolean.TRUE.equals(safe)) {
            return null;
        }
        throw new InvalidValueException(message);
    }
}
