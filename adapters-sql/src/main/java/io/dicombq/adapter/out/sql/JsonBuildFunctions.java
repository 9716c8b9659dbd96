package io.dicombq.adapter.out.sql;

import com.google.zetasql.ArrayType;
import com.google.zetasql.StructType;
import com.google.zetasql.Type;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;

import java.util.ArrayList;
import java.util.List;

/**
 * TO_JSON, JSON_ARRAY, JSON_OBJECT, JSON_KEYS, JSON_STRIP_NULLS, JSON_REMOVE, JSON_SET, JSON_ARRAY_APPEND and
 * JSON_ARRAY_INSERT (BigQuery docs: JSON functions), rendered as calls of {@link JsonBuildRuntime} and
 * {@link JsonMutateRuntime}; values of INT64, FLOAT64, STRING, BOOL, JSON and arrays and STRUCTs of them.
 */
final class JsonBuildFunctions {
    private JsonBuildFunctions() {
    }

    /** The H2 SQL of {@code name}, or {@code null} when it is none of these functions. */
    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        switch (name) {
            case "to_json":
                if (args.size() > 1 && !isFalse(args.get(1))) {
                    throw ResolvedTranslator.refuse("TO_JSON with stringify_wide_numbers");
                }
                return json(ResolvedFunctions.call("json_of", values(call, args.subList(0, 1), t)));
            case "json_array":
                return json(ResolvedFunctions.call("json_array_of", values(call, args, t)));
            case "json_object": {
                if (!args.isEmpty() && args.get(0).getType().isArray()) {
                    return json(ResolvedFunctions.call("json_object_of_arrays", t.expr(args.get(0)), value(call, args.get(1), t)));
                }
                List<String> sql = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    sql.add(i % 2 == 0 ? t.expr(args.get(i)) : value(call, args.get(i), t));
                }
                return json(ResolvedFunctions.call("json_object_of", sql.toArray(new String[0])));
            }
            case "json_keys":
                return "CAST(" + ResolvedFunctions.call("json_key_paths", document(args.get(0), t),
                        args.size() > 1 ? t.expr(args.get(1)) : "CAST(NULL AS BIGINT)",
                        args.size() > 2 ? t.expr(args.get(2)) : "'strict'") + " AS CHARACTER VARYING ARRAY)";
            case "json_strip_nulls":
                return json(ResolvedFunctions.call("json_without_nulls", document(args.get(0), t),
                        args.size() > 1 ? t.expr(args.get(1)) : "'$'", args.size() > 2 ? t.expr(args.get(2)) : "TRUE",
                        args.size() > 3 ? t.expr(args.get(3)) : "FALSE"));
            case "json_remove": {
                List<String> sql = new ArrayList<>();
                sql.add(document(args.get(0), t));
                for (ResolvedExpr path : args.subList(1, args.size())) {
                    sql.add(t.expr(path));
                }
                return json(ResolvedFunctions.call("json_without", sql.toArray(new String[0])));
            }
            case "json_set":
            case "json_array_append":
            case "json_array_insert":
                return mutation(name, call, t);
            default:
                return null;
        }
    }

    /** JSON_SET, JSON_ARRAY_APPEND, JSON_ARRAY_INSERT: the document, the trailing flag, then (path, value) pairs. */
    private static String mutation(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        boolean flagged = args.size() % 2 == 0;
        List<String> sql = new ArrayList<>();
        sql.add(document(args.get(0), t));
        sql.add(flagged ? t.expr(args.get(args.size() - 1)) : "TRUE");
        for (int i = 1; i + 1 < args.size(); i += 2) {
            sql.add(t.expr(args.get(i)));
            sql.add(value(call, args.get(i + 1), t));
        }
        String function = name.equals("json_set") ? "json_with" : name.equals("json_array_append") ? "json_appended" : "json_inserted";
        return json(ResolvedFunctions.call(function, sql.toArray(new String[0])));
    }

    private static String values(ResolvedFunctionCall call, List<ResolvedExpr> args, ResolvedTranslator t) {
        List<String> sql = new ArrayList<>();
        for (ResolvedExpr arg : args) {
            sql.add(value(call, arg, t));
        }
        return String.join(", ", sql);
    }

    /** A value the runtime turns into JSON: of a type whose BigQuery JSON form it knows. */
    private static String value(ResolvedFunctionCall call, ResolvedExpr arg, ResolvedTranslator t) {
        if (!convertible(arg.getType())) {
            throw ResolvedFunctions.unsupportedTypes(call);
        }
        String shape = shape(arg.getType());
        if (shape.equals("null")) {
            return t.expr(arg);
        }
        return json(ResolvedFunctions.call("json_of_struct", t.expr(arg), Literals.string(shape),
                Literals.string(call.getFunction().getSqlName())));
    }

    /** The field names of the STRUCTs in a type, as {@link JsonBuildRuntime#ofStruct} reads them; "null" when none. */
    private static String shape(Type type) {
        if (type.isArray()) {
            String element = shape(((ArrayType) type).getElementType());
            return element.equals("null") ? "null" : "[" + element + "]";
        }
        if (!type.isStruct()) {
            return "null";
        }
        List<String> fields = new ArrayList<>();
        for (StructType.StructField field : ((StructType) type).getFieldList()) {
            fields.add(JsonRuntime.quote(field.getName()) + ":" + shape(field.getType()));
        }
        return "{" + String.join(",", fields) + "}";
    }

    /**
     * INT64, FLOAT64, STRING, BOOL, JSON, and arrays and STRUCTs of them; a STRUCT becomes an object of its named
     * fields (BigQuery docs: TO_JSON), so a field without a name is not convertible (its key is not documented).
     */
    private static boolean convertible(Type type) {
        if (type.isArray()) {
            return convertible(((ArrayType) type).getElementType());
        }
        if (type.isStruct()) {
            for (StructType.StructField field : ((StructType) type).getFieldList()) {
                if (field.getName().isEmpty() || !convertible(field.getType())) {
                    return false;
                }
            }
            return true;
        }
        return type.isInt64() || type.isDouble() || type.isString() || type.isBool() || type.isJson();
    }

    private static boolean isFalse(ResolvedExpr arg) {
        return arg instanceof ResolvedLiteral && !((ResolvedLiteral) arg).getValue().isNull()
                && !((ResolvedLiteral) arg).getValue().getBoolValue();
    }

    private static String document(ResolvedExpr arg, ResolvedTranslator t) {
        if (!arg.getType().isJson()) {
            throw ResolvedTranslator.refuse("JSON functions on " + ZetaTypes.name(arg.getType()));
        }
        return "CAST(" + t.expr(arg) + " AS BINARY VARYING)";
    }

    private static String json(String sql) {
        return "(" + sql + " FORMAT JSON)";
    }
}
