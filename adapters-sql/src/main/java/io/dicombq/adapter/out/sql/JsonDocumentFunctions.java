package io.dicombq.adapter.out.sql;

import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedGetJsonField;

import java.util.List;

/**
 * JSON field access and subscripts, JSON_EXTRACT, JSON_EXTRACT_SCALAR, JSON_QUERY_ARRAY, JSON_VALUE_ARRAY,
 * JSON_EXTRACT_ARRAY, JSON_EXTRACT_STRING_ARRAY, JSON_TYPE, PARSE_JSON, INT64/FLOAT64/BOOL/STRING of JSON and their
 * [LAX_]*_ARRAY forms (BigQuery docs: JSON functions), rendered as calls of {@link JsonDocumentRuntime} and
 * {@link JsonArrayRuntime}.
 */
final class JsonDocumentFunctions {
    private JsonDocumentFunctions() {
    }

    /** The H2 SQL of {@code name}, or {@code null} when it is none of these functions. */
    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        boolean jsonInput = !args.isEmpty() && args.get(0).getType().isJson();
        String flag = jsonInput ? "TRUE" : "FALSE";
        switch (name) {
            case "json_extract":
            case "json_extract_scalar": {
                String path = t.expr(args.get(1));
                String sql = ResolvedFunctions.call("json_extract_at", document(args.get(0), t), path,
                        name.endsWith("scalar") ? "TRUE" : "FALSE", flag);
                return call.getType().isJson() ? json(sql) : sql;
            }
            case "json_query_array":
            case "json_extract_array":
                return elements("json_query_elements", name, call, t);
            case "json_value_array":
            case "json_extract_string_array":
                return elements("json_value_elements", name, call, t);
            case "json_type":
                return ResolvedFunctions.call("json_kind", document(args.get(0), t));
            case "parse_json":
                requireExactNumbers(call, args);
                return json(ResolvedFunctions.call("json_parse", t.expr(args.get(0))));
            case "int64":
            case "bool":
            case "string":
                return jsonInput ? ResolvedFunctions.call("json_to_" + name, document(args.get(0), t)) : null;
            case "lax_bool":
            case "lax_int64":
            case "lax_float64":
            case "lax_string":
                return ResolvedFunctions.call("json_" + name, document(args.get(0), t));
            case "int64_array":
            case "bool_array":
            case "string_array":
            case "lax_int64_array":
            case "lax_float64_array":
            case "lax_bool_array":
            case "lax_string_array":
                return "CAST(" + ResolvedFunctions.call(name.startsWith("lax_") ? "json_" + name : "json_to_" + name,
                        document(args.get(0), t)) + " AS " + ResolvedTranslator.h2Type(call.getType()) + ")";
            case "float64_array":
                return "CAST(" + ResolvedFunctions.call("json_to_float64_array", document(args.get(0), t),
                        args.size() > 1 ? t.expr(args.get(1)) : "'round'") + " AS " + ResolvedTranslator.h2Type(call.getType()) + ")";
            case "float64":
                if (!jsonInput) {
                    return null;
                }
                return ResolvedFunctions.call("json_to_float64", document(args.get(0), t),
                        args.size() > 1 ? t.expr(args.get(1)) : "'round'");
            case "$subscript":
                if (!jsonInput) {
                    return null;
                }
                return json(args.get(1).getType().isString()
                        ? ResolvedFunctions.call("json_member", document(args.get(0), t), t.expr(args.get(1)))
                        : ResolvedFunctions.call("json_element", document(args.get(0), t), t.expr(args.get(1))));
            default:
                return JsonBuildFunctions.call(name, call, t);
        }
    }

    /** The *_ARRAY extractions; {@code name} says whether the path is in the legacy syntax (JSON_EXTRACT_*). */
    private static String elements(String function, String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        return "CAST(" + ResolvedFunctions.call(function, document(args.get(0), t), args.size() > 1 ? t.expr(args.get(1)) : "'$'",
                name.startsWith("json_extract") ? "TRUE" : "FALSE", args.get(0).getType().isJson() ? "TRUE" : "FALSE") + " AS "
                + ResolvedTranslator.h2Type(call.getType()) + ")";
    }

    /** {@code json.name}: the member as JSON, NULL when missing. */
    static String field(ResolvedGetJsonField get, ResolvedTranslator t) {
        return json(ResolvedFunctions.call("json_member", document(get.getExpr(), t), Literals.string(get.getFieldName())));
    }

    /** The optional wide_number_mode argument: only its default, 'exact', is supported. */
    private static void requireExactNumbers(ResolvedFunctionCall call, List<ResolvedExpr> args) {
        if (args.size() > 1 && !(args.get(1) instanceof com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral
                && !((com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral) args.get(1)).getValue().isNull()
                && ((com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral) args.get(1)).getValue().getStringValue()
                .equals("exact"))) {
            throw ResolvedTranslator.refuse(ResolvedFunctions.sqlName(call) + " with a wide_number_mode other than 'exact'");
        }
    }

    /** A JSON or STRING document as the UTF-8 bytes the runtime reads. */
    private static String document(ResolvedExpr arg, ResolvedTranslator t) {
        if (!arg.getType().isJson() && !arg.getType().isString()) {
            throw ResolvedTranslator.refuse("JSON functions on " + ZetaTypes.name(arg.getType()));
        }
        return "CAST(" + t.expr(arg) + " AS BINARY VARYING)";
    }

    private static String json(String sql) {
        return "(" + sql + " FORMAT JSON)";
    }
}
