package io.dicombq.adapter.out.sql;

import com.google.zetasql.Type;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;

import java.util.List;

/**
 * Mathematical, string and array-generating functions of a resolved statement, rendered as calls of the runtime
 * classes installed in H2 ({@link MathRuntime}, {@link TextRuntime}, {@link CalendarRuntime}) where H2's own
 * functions answer differently from BigQuery (rounding, errors, NULLs).
 */
final class MoreFunctions {
    private static final String NUMERIC = "NUMERIC(38, 9)";

    private MoreFunctions() {
    }

    /** The H2 SQL of {@code name}, or {@code null} when it is none of these functions. */
    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        Type type = call.getType();
        String safe = ResolvedTranslator.safe(call) ? "TRUE" : "FALSE";
        switch (name) {
            case "round":
            case "trunc": {
                if (args.size() > 2) {
                    throw ResolvedTranslator.refuse(name.toUpperCase() + " with a rounding mode");
                }
                String digits = args.size() > 1 ? t.expr(args.get(1)) : "CAST(0 AS BIGINT)";
                if (type.isDouble()) {
                    return ResolvedFunctions.call(name + "_float", t.expr(args.get(0)), digits, safe);
                }
                if (type.isNumeric()) {
                    return numeric(ResolvedFunctions.call(name + "_numeric", t.expr(args.get(0)), digits));
                }
                throw ResolvedFunctions.unsupportedTypes(call);
            }
            case "ceil":
            case "floor":
                if (type.isDouble()) {
                    return ResolvedFunctions.call(name + "_float", t.expr(args.get(0)));
                }
                if (type.isNumeric()) {
                    return numeric(name.toUpperCase() + "(" + t.expr(args.get(0)) + ")");
                }
                throw ResolvedFunctions.unsupportedTypes(call);
            case "pow":
                return float64(call, "pow_float", t.expr(args.get(0)), t.expr(args.get(1)), safe);
            case "sqrt":
            case "ln":
            case "log10":
            case "exp":
                return float64(call, name + "_float", t.expr(args.get(0)), safe);
            case "log":
                return args.size() == 1 ? float64(call, "ln_float", t.expr(args.get(0)), safe)
                        : float64(call, "log_float", t.expr(args.get(0)), t.expr(args.get(1)), safe);
            case "ieee_divide":
                return float64(call, "ieee_divide", t.expr(args.get(0)), t.expr(args.get(1)));
            case "cosine_distance":
            case "euclidean_distance":
                return float64(call, "vector_" + name, t.expr(args.get(0)), t.expr(args.get(1)));
            case "parse_numeric":
                return numeric(BigQueryFunctions.call("parse_numeric_grouped", t.expr(args.get(0))));
            case "pi":
                // Java's Math.PI is the double nearest to pi, as BigQuery's PI() (BigQuery docs: PI)
                return "CAST(" + Math.PI + " AS DOUBLE PRECISION)";
            case "pi_numeric":
                return numeric("3.141592654");
            case "zeroifnull":
            case "nullifzero": {
                if (!type.isInt64() && !type.isDouble() && !type.isNumeric()) {
                    throw ResolvedFunctions.unsupportedTypes(call);
                }
                String value = t.expr(args.get(0));
                String h2Type = ResolvedTranslator.h2Type(type);
                if (name.equals("zeroifnull")) {
                    return "CAST(COALESCE(" + value + ", 0) AS " + h2Type + ")";
                }
                // -0.0 is zero too; ABS makes it 0.0, which H2 compares equal to 0 (it orders -0.0 before 0.0)
                String zero = type.isDouble() ? "ABS(" + value + ") = 0" : value + " = 0";
                return "CAST(CASE WHEN " + zero + " THEN NULL ELSE " + value + " END AS " + h2Type + ")";
            }
            case "sign":
                if (type.isInt64()) {
                    return "CAST(SIGN(" + t.expr(args.get(0)) + ") AS BIGINT)";
                }
                if (type.isNumeric()) {
                    return numeric("SIGN(" + t.expr(args.get(0)) + ")");
                }
                return float64(call, "sign_float", t.expr(args.get(0)));
            case "div":
                if (type.isNumeric()) {
                    return numeric(ResolvedFunctions.call("div_numeric", t.expr(args.get(0)), t.expr(args.get(1))));
                }
                return null;
            case "safe_add":
            case "safe_subtract":
            case "safe_multiply":
            case "safe_negate": {
                String operator = name.equals("safe_add") ? "'+'" : name.equals("safe_subtract") ? "'-'"
                        : name.equals("safe_multiply") ? "'*'" : "'neg'";
                String second = args.size() > 1 ? t.expr(args.get(1)) : "CAST(NULL AS BIGINT)";
                if (type.isInt64()) {
                    return ResolvedFunctions.call("safe_int64", operator, t.expr(args.get(0)), second);
                }
                if (type.isDouble() && args.size() > 1) {
                    return ResolvedFunctions.call("safe_float", operator, t.expr(args.get(0)), second);
                }
                if (type.isDouble()) {
                    return "(-" + t.expr(args.get(0)) + ")";
                }
                throw ResolvedFunctions.unsupportedTypes(call);
            }
            case "replace":
                requireStrings(call, args);
                return ResolvedFunctions.call("replace_all", t.expr(args.get(0)), t.expr(args.get(1)), t.expr(args.get(2)));
            case "split":
                requireStrings(call, args);
                return "CAST(" + ResolvedFunctions.call("split_string", t.expr(args.get(0)),
                        args.size() > 1 ? t.expr(args.get(1)) : "','") + " AS " + ResolvedTranslator.h2Type(type) + ")";
            case "regexp_replace":
                return regexpReplace(call, args, t);
            case "generate_array": {
                Type element = ((com.google.zetasql.ArrayType) type).getElementType();
                String function = element.isInt64() ? "generate_int64_array" : element.isDouble() ? "generate_float64_array"
                        : element.isNumeric() ? "generate_numeric_array" : null;
                if (function == null) {
                    throw ResolvedFunctions.unsupportedTypes(call);
                }
                String step = args.size() > 2 ? t.expr(args.get(2)) : "CAST(1 AS " + ResolvedTranslator.h2Type(element) + ")";
                return "CAST(" + ResolvedFunctions.call(function, t.expr(args.get(0)), t.expr(args.get(1)), step) + " AS "
                        + ResolvedTranslator.h2Type(type) + ")";
            }
            case "generate_date_array": {
                if (!args.get(0).getType().isDate()) {
                    throw ResolvedFunctions.unsupportedTypes(call);
                }
                String step = args.size() > 2 ? t.expr(args.get(2)) : "CAST(1 AS BIGINT)";
                String part = args.size() > 3 ? ResolvedFunctions.datePart(args.get(3)) : "DAY";
                if (!List.of("DAY", "WEEK", "MONTH", "QUARTER", "YEAR").contains(part)) {
                    throw ResolvedTranslator.refuse("GENERATE_DATE_ARRAY in steps of " + part);
                }
                return "CAST(" + ResolvedFunctions.call("generate_date_array", t.expr(args.get(0)), t.expr(args.get(1)), step,
                        "'" + part + "'") + " AS " + ResolvedTranslator.h2Type(type) + ")";
            }
            case "greatest":
            case "least":
                return extreme(name, call, args, t);
            default:
                return null;
        }
    }

    /**
     * GREATEST and LEAST: NULL when any argument is NULL, NaN when any FLOAT64 argument is NaN (BigQuery docs:
     * GREATEST); H2's own would skip NULLs and order NaN above every number.
     */
    private static String extreme(String name, ResolvedFunctionCall call, List<ResolvedExpr> args, ResolvedTranslator t) {
        Type type = call.getType();
        if (type.isArray() || type.isStruct() || type.isJson()) {
            throw ResolvedFunctions.unsupportedTypes(call);
        }
        List<String> values = new java.util.ArrayList<>();
        List<String> nulls = new java.util.ArrayList<>();
        List<String> nans = new java.util.ArrayList<>();
        for (ResolvedExpr arg : args) {
            String value = t.expr(arg);
            values.add(value);
            nulls.add(value + " IS NULL");
            if (arg.getType().isDouble()) {
                nans.add(StrictFunctions.call("is_nan", value));
            }
        }
        return "CASE WHEN " + String.join(" OR ", nulls) + " THEN NULL"
                + (nans.isEmpty() ? "" : " WHEN " + String.join(" OR ", nans) + " THEN CAST('NaN' AS DOUBLE PRECISION)")
                + " ELSE " + name.toUpperCase(java.util.Locale.ROOT) + "(" + String.join(", ", values) + ") END";
    }

    /** REGEXP_REPLACE on STRING (the pattern read as RE2, run as Java: see {@link RegexpFunctions#pattern}). */
    private static String regexpReplace(ResolvedFunctionCall call, List<ResolvedExpr> args, ResolvedTranslator t) {
        requireStrings(call, args);
        if (args.get(1) instanceof ResolvedLiteral && ((ResolvedLiteral) args.get(1)).getValue().isNull()) {
            return "CAST(NULL AS CHARACTER VARYING)";
        }
        return ResolvedFunctions.call("re_replace", t.expr(args.get(0)), RegexpFunctions.pattern(call, t), t.expr(args.get(2)));
    }

    private static String float64(ResolvedFunctionCall call, String function, String... args) {
        if (!call.getType().isDouble()) {
            throw ResolvedFunctions.unsupportedTypes(call);
        }
        return ResolvedFunctions.call(function, args);
    }

    private static String numeric(String sql) {
        return "CAST(" + sql + " AS " + NUMERIC + ")";
    }

    private static void requireStrings(ResolvedFunctionCall call, List<ResolvedExpr> args) {
        for (ResolvedExpr arg : args) {
            if (!arg.getType().isString()) {
                throw ResolvedFunctions.unsupportedTypes(call);
            }
        }
    }
}
