package io.dicombq.adapter.out.sql;

import io.dicombq.domain.schema.ColumnType;

import java.util.List;
import java.util.Set;

/** SUBSTR / SUBSTRING, ARRAY_TO_STRING, REGEXP_CONTAINS and REGEXP_EXTRACT (STRING forms). */
final class TextFunctions {
    static final Set<String> NAMES = Set.of("SUBSTR", "SUBSTRING", "ARRAY_TO_STRING", "REGEXP_CONTAINS", "REGEXP_EXTRACT");

    private TextFunctions() {
    }

    static Typed call(Ast.Call call, List<Typed> args) {
        String name = call.name();
        switch (name) {
            case "SUBSTR":
            case "SUBSTRING":
                return substr(name, args);
            case "ARRAY_TO_STRING":
                return arrayToString(args);
            default:
                return regexp(call, args);
        }
    }

    private static Typed substr(String name, List<Typed> args) {
        if (args.size() < 2 || args.size() > 3) {
            throw Translator.invalid("Number of arguments does not match for function " + name + ": expected 2 or 3, got " + args.size());
        }
        Functions.requireType(name, args.get(0), ColumnType.STRING);
        Functions.requireType(name, args.get(1), ColumnType.INTEGER);
        boolean hasLength = args.size() == 3;
        if (hasLength) {
            Functions.requireType(name, args.get(2), ColumnType.INTEGER);
        }
        String length = hasLength ? args.get(2).sql() : "CAST(NULL AS BIGINT)";
        return Typed.of(BigQueryFunctions.call("substr", args.get(0).sql(), args.get(1).sql(), length,
                hasLength ? "TRUE" : "FALSE"), ColumnType.STRING);
    }

    private static Typed arrayToString(List<Typed> args) {
        String name = "ARRAY_TO_STRING";
        if (args.size() < 2 || args.size() > 3) {
            throw Translator.invalid("Number of arguments does not match for function " + name + ": expected 2 or 3, got " + args.size());
        }
        Typed array = args.get(0);
        if (!array.isNull() && !(array.isArray() && !array.element().isRecord() && array.type().type() == ColumnType.STRING)) {
            throw Translator.invalid("No matching signature for function " + name + " for argument type "
                    + array.typeName() + " (expected ARRAY<STRING>)");
        }
        Functions.requireType(name, args.get(1), ColumnType.STRING);
        boolean hasNullText = args.size() == 3;
        if (hasNullText) {
            Functions.requireType(name, args.get(2), ColumnType.STRING);
        }
        String arraySql = array.isNull() ? "CAST(NULL AS CHARACTER VARYING ARRAY)" : array.sql();
        return Typed.of(BigQueryFunctions.call("array_to_string", arraySql, args.get(1).sql(),
                hasNullText ? args.get(2).sql() : "CAST(NULL AS CHARACTER VARYING)", hasNullText ? "TRUE" : "FALSE"), ColumnType.STRING);
    }

    /**
     * The regular expression must be a literal: it is translated from RE2 once, at translation time, and H2's
     * REGEXP_LIKE / REGEXP_SUBSTR run the Java form.
     */
    private static Typed regexp(Ast.Call call, List<Typed> args) {
        String name = call.name();
        Functions.requireCount(name, args.size(), 2);
        Functions.requireType(name, args.get(0), ColumnType.STRING);
        Functions.requireType(name, args.get(1), ColumnType.STRING);
        if (args.get(1).isNull()) {
            return Typed.of("CAST(NULL AS " + (name.equals("REGEXP_CONTAINS") ? "BOOLEAN" : "CHARACTER VARYING") + ")",
                    name.equals("REGEXP_CONTAINS") ? ColumnType.BOOLEAN : ColumnType.STRING);
        }
        Re2.Translation re = Re2.translate(name, Functions.stringLiteral(name, call.args().get(1), "regular expression"));
        String value = args.get(0).sql();
        String pattern = Literals.string(re.java());
        if (name.equals("REGEXP_CONTAINS")) {
            return Typed.of("REGEXP_LIKE(" + value + ", " + pattern + ")", ColumnType.BOOLEAN);
        }
        if (re.groups() > 1) {
            throw Translator.invalid("REGEXP_EXTRACT: the regular expression may have at most one capturing group, it has " + re.groups());
        }
        if (re.groups() == 0) {
            // The whole first match; NULL when nothing matches.
            return Typed.of("REGEXP_SUBSTR(" + value + ", " + pattern + ")", ColumnType.STRING);
        }
        return Typed.of(BigQueryFunctions.call("regexp_extract_group", value, pattern), ColumnType.STRING);
    }
}
