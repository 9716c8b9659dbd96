package io.dicombq.adapter.out.sql;

import com.google.zetasql.ArrayType;
import com.google.zetasql.Type;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;

import java.util.List;
import java.util.Locale;

/**
 * Array functions beyond ARRAY_LENGTH and ARRAY_CONCAT (BigQuery docs: array functions), rendered as calls of
 * {@link ArrayRuntime}: those that move elements for any element type, those that compare them for arrays of
 * INT64, FLOAT64, NUMERIC, STRING, BOOL, DATE or BYTES (others are refused by name).
 */
final class ArrayFunctions {
    private ArrayFunctions() {
    }

    /** The H2 SQL of {@code name}, or {@code null} when it is none of these functions. */
    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        switch (name) {
            case "array_reverse":
                return typed(call, ResolvedFunctions.call("array_reversed", t.expr(args.get(0))));
            case "array_first":
            case "array_last":
                return typed(call, ResolvedFunctions.call("array_end", t.expr(args.get(0)), name.equals("array_first") ? "TRUE" : "FALSE"));
            case "array_slice":
                return typed(call, ResolvedFunctions.call("array_part", t.expr(args.get(0)), t.expr(args.get(1)), t.expr(args.get(2)),
                        "'SLICE'", "CAST(NULL AS BIGINT)"));
            case "array_first_n":
            case "array_last_n":
            case "array_remove_first_n":
            case "array_remove_last_n":
                return typed(call, ResolvedFunctions.call("array_part", t.expr(args.get(0)), "CAST(NULL AS BIGINT)", "CAST(NULL AS BIGINT)",
                        "'" + name.substring("array_".length()).toUpperCase(Locale.ROOT) + "'", t.expr(args.get(1))));
            case "array_is_distinct":
                return "CAST(" + ResolvedFunctions.call("array_distinct_test", array(call, t)) + " AS BOOLEAN)";
            case "array_includes":
                if (args.get(1).getType().isArray()) {
                    return null;
                }
                return "CAST(" + ResolvedFunctions.call("array_has", array(call, t), t.expr(args.get(1))) + " AS BOOLEAN)";
            case "array_includes_any":
            case "array_includes_all":
                requireKnown(call, args.get(1).getType());
                return "CAST(" + ResolvedFunctions.call("array_has_elements", array(call, t), t.expr(args.get(1)),
                        name.endsWith("all") ? "TRUE" : "FALSE") + " AS BOOLEAN)";
            case "array_min":
            case "array_max":
                return typed(call, ResolvedFunctions.call("array_extreme", array(call, t), name.equals("array_max") ? "TRUE" : "FALSE"));
            case "array_to_string":
                if (!call.getType().isBytes()) {
                    return null;
                }
                return ResolvedFunctions.call("array_to_bytes", array(call, t), t.expr(args.get(1)),
                        args.size() > 2 ? t.expr(args.get(2)) : "CAST(NULL AS BINARY VARYING)", args.size() > 2 ? "TRUE" : "FALSE");
            default:
                return null;
        }
    }

    /** The first argument, an array of an element type the runtime compares. */
    private static String array(ResolvedFunctionCall call, ResolvedTranslator t) {
        ResolvedExpr array = call.getArgumentList().get(0);
        requireKnown(call, array.getType());
        return t.expr(array);
    }

    private static void requireKnown(ResolvedFunctionCall call, Type type) {
        Type element = ((ArrayType) type).getElementType();
        if (!(element.isInt64() || element.isDouble() || element.isNumeric() || element.isString() || element.isBool()
                || element.isDate() || element.isBytes())) {
            throw ResolvedFunctions.unsupportedTypes(call);
        }
    }

    private static String typed(ResolvedFunctionCall call, String sql) {
        return "CAST(" + sql + " AS " + ResolvedTranslator.h2Type(call.getType()) + ")";
    }
}
