package io.dicombq.adapter.out.sql;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;

import java.util.List;
import java.util.Set;

/** JSON_VALUE and JSON_QUERY on JSON or STRING values, and TO_JSON_STRING. */
final class JsonFunctions {
    static final Set<String> NAMES = Set.of("JSON_VALUE", "JSON_QUERY", "TO_JSON_STRING");
    /** INT64 values beyond ±2^53 are quoted by TO_JSON_STRING, as a double could not hold them. */
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    private JsonFunctions() {
    }

    static Typed call(Ast.Call call, List<Typed> args) {
        String name = call.name();
        if (name.equals("TO_JSON_STRING")) {
            if (args.size() != 1) {
                throw Translator.unsupported("TO_JSON_STRING with pretty_print (only TO_JSON_STRING(value) is supported)");
            }
            return Typed.of(toJson(args.get(0)), ColumnType.STRING);
        }
        boolean defaultPath = name.equals("JSON_VALUE") && args.size() == 1;
        if (!defaultPath) {
            Functions.requireCount(name, args.size(), 2);
        }
        Typed json = args.get(0);
        if (!json.isNull() && !json.is(ColumnType.JSON) && !json.is(ColumnType.STRING)) {
            throw Translator.invalid("No matching signature for function " + name + " for argument type "
                    + json.typeName() + " (expected JSON or STRING)");
        }
        String path = "$";
        if (!defaultPath) {
            Functions.requireType(name, args.get(1), ColumnType.STRING);
            path = Functions.stringLiteral(name, call.args().get(1), "JSONPath");
        }
        try {
            JsonRuntime.JsonPath.parse(name, path);
        } catch (InvalidValueException e) {
            throw Translator.invalid(e.getMessage());
        }
        // As UTF-8 bytes: a JSON value is stored so, and Jackson reads bytes faster than a String.
        String text = "CAST(" + json.sql() + " AS BINARY VARYING)";
        String sql = BigQueryFunctions.call(name.equals("JSON_VALUE") ? "json_value" : "json_query", text, Literals.string(path),
                json.is(ColumnType.JSON) ? "TRUE" : "FALSE");
        if (name.equals("JSON_QUERY") && json.is(ColumnType.JSON)) {
            return Typed.of("(" + sql + " FORMAT JSON)", ColumnType.JSON);
        }
        return Typed.of(sql, ColumnType.STRING);
    }

    /** The JSON text of a value (TO_JSON_STRING) for the types whose BigQuery text is known exactly. */
    private static String toJson(Typed value) {
        if (value.isNull()) {
            return "'null'";
        }
        String sql = value.sql();
        if (value.isArray()) {
            if (!value.element().isRecord() && value.type().type() == ColumnType.INTEGER) {
                return BigQueryFunctions.call("json_integers_text", sql);
            }
            if (!value.element().isRecord() && value.type().type() == ColumnType.BOOLEAN) {
                return BigQueryFunctions.call("json_booleans_text", sql);
            }
            if (value.element().isRecord() || value.type().type() != ColumnType.STRING) {
                throw Translator.unsupported("TO_JSON_STRING of " + value.typeName() + " (arrays of STRING, INT64 and BOOL are supported)");
            }
            return BigQueryFunctions.call("json_quote_all", sql);
        }
        if (value.isRecord()) {
            StringBuilder object = new StringBuilder("CASE WHEN " + sql + Translator.nullTest(value, false) + " THEN 'null' ELSE '{'");
            List<Column> fields = value.type().fields();
            for (int i = 0; i < fields.size(); i++) {
                Column field = fields.get(i);
                Typed fieldValue = new Typed("(" + sql + ")." + io.dicombq.adapter.out.h2.catalog.Names.quote(field.name()), field);
                object.append(" || ").append(Literals.string((i > 0 ? "," : "") + JsonRuntime.quote(field.name()) + ":"))
                        .append(" || ").append(toJson(fieldValue));
            }
            return object.append(" || '}' END").toString();
        }
        switch (value.type().type()) {
            case STRING:
                return BigQueryFunctions.call("json_quote", sql);
            case INTEGER:
                return "CASE WHEN " + sql + " IS NULL THEN 'null' WHEN " + sql + " BETWEEN " + -EXACT_DOUBLE_LIMIT + " AND "
                        + EXACT_DOUBLE_LIMIT + " THEN CAST(" + sql + " AS CHARACTER VARYING) ELSE '\"' || " + sql + " || '\"' END";
            case BOOLEAN:
                return "CASE WHEN " + sql + " THEN 'true' WHEN NOT " + sql + " THEN 'false' ELSE 'null' END";
            case DATE:
                return "COALESCE('\"' || CAST(" + sql + " AS CHARACTER VARYING) || '\"', 'null')";
            default:
                throw Translator.unsupported("TO_JSON_STRING of " + Typed.describe(Column.of("_", value.type().type(), Mode.NULLABLE))
                        + " (STRING, INT64, BOOL, DATE, ARRAY<STRING> and STRUCTs of them are supported)");
        }
    }
}
