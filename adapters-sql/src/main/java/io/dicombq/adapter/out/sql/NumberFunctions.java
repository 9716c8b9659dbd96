package io.dicombq.adapter.out.sql;

import com.google.zetasql.ArrayType;
import com.google.zetasql.Type;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Trigonometric and hyperbolic functions, CBRT, IS_INF, IS_NAN, RANGE_BUCKET, BIT_COUNT, RAND and the bitwise
 * operators (BigQuery docs: mathematical functions, operators), rendered as calls of {@link TrigonometricRuntime}
 * and {@link IntegerRuntime}.
 */
final class NumberFunctions {
    /** Functions of one FLOAT64 argument whose runtime honours the {@code SAFE.} prefix itself. */
    private static final Set<String> UNARY = Set.of("sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh",
            "asinh", "acosh", "atanh", "cot", "csc", "sec", "coth", "csch", "sech", "cbrt");
    /** Functions whose rendering honours the {@code SAFE.} prefix itself, or that cannot fail. */
    static final Set<String> SAFE_CAPABLE = Set.of("sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh",
            "tanh", "asinh", "acosh", "atanh", "cot", "csc", "sec", "coth", "csch", "sech", "cbrt", "is_inf", "is_nan",
            "bit_count", "rand", "generate_uuid", "range_bucket");

    private NumberFunctions() {
    }

    /** The H2 SQL of {@code name}, or {@code null} when it is none of these functions. */
    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        String safe = ResolvedTranslator.safe(call) ? "TRUE" : "FALSE";
        if (UNARY.contains(name)) {
            requireFloat64(call, args);
            return ResolvedFunctions.call("trig", "'" + name.toUpperCase(Locale.ROOT) + "'", t.expr(args.get(0)), safe);
        }
        switch (name) {
            case "atan2":
                requireFloat64(call, args);
                return ResolvedFunctions.call("atan2_float", t.expr(args.get(0)), t.expr(args.get(1)), safe);
            case "is_inf":
            case "is_nan":
                requireFloat64(call, args);
                return ResolvedFunctions.call(name + "_float", t.expr(args.get(0)));
            case "rand":
                return "RAND()";
            case "generate_uuid":
                // H2's RANDOM_UUID is RFC 4122's version 4 (122 random bits), written in lower case as BigQuery's is
                return "CAST(RANDOM_UUID() AS CHARACTER VARYING)";
            case "bit_count":
                if (args.get(0).getType().isInt64()) {
                    return ResolvedFunctions.call("bit_count_int64", t.expr(args.get(0)));
                }
                if (args.get(0).getType().isBytes()) {
                    return ResolvedFunctions.call("bit_count_bytes", t.expr(args.get(0)));
                }
                throw ResolvedFunctions.unsupportedTypes(call);
            case "range_bucket":
                return rangeBucket(call, args, t);
            case "$bitwise_and":
            case "$bitwise_or":
            case "$bitwise_xor":
                requireInt64(call, args);
                return "BIT" + name.substring("$bitwise_".length()).toUpperCase(Locale.ROOT) + "(" + t.expr(args.get(0)) + ", "
                        + t.expr(args.get(1)) + ")";
            case "$bitwise_not":
                requireInt64(call, args);
                return "BITNOT(" + t.expr(args.get(0)) + ")";
            case "$bitwise_left_shift":
            case "$bitwise_right_shift":
                requireInt64(call, args);
                return ResolvedFunctions.call("shift_int64", t.expr(args.get(0)), t.expr(args.get(1)),
                        name.endsWith("left_shift") ? "TRUE" : "FALSE");
            default:
                return null;
        }
    }

    /** RANGE_BUCKET(point, sorted boundaries): how many boundaries are at or below the point. */
    private static String rangeBucket(ResolvedFunctionCall call, List<ResolvedExpr> args, ResolvedTranslator t) {
        Type element = ((ArrayType) args.get(1).getType()).getElementType();
        String function = element.isInt64() ? "range_bucket_int64" : element.isDouble() ? "range_bucket_float"
                : element.isNumeric() ? "range_bucket_numeric" : element.isString() ? "range_bucket_string"
                : element.isDate() ? "range_bucket_date" : null;
        if (function == null || !args.get(0).getType().equals(element)) {
            throw ResolvedFunctions.unsupportedTypes(call);
        }
        return ResolvedFunctions.call(function, t.expr(args.get(0)), t.expr(args.get(1)), ResolvedTranslator.safe(call) ? "TRUE" : "FALSE");
    }

    private static void requireFloat64(ResolvedFunctionCall call, List<ResolvedExpr> args) {
        for (ResolvedExpr arg : args) {
            if (!arg.getType().isDouble()) {
                throw ResolvedFunctions.unsupportedTypes(call);
            }
        }
    }

    private static void requireInt64(ResolvedFunctionCall call, List<ResolvedExpr> args) {
        for (ResolvedExpr arg : args) {
            if (!arg.getType().isInt64()) {
                throw ResolvedFunctions.unsupportedTypes(call);
            }
        }
    }
}
