package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.sql.Ast.Expr;
import io.dicombq.domain.schema.ColumnType;

import java.util.ArrayList;
import java.util.List;

/** The supported BigQuery functions and how each becomes H2 SQL (docs/sql.md lists them). */
final class Functions {
    private Functions() {
    }

    static Typed call(Ast.Call call, Translator translator) {
        String name = call.name();
        if (call.star()) {
            if (!name.equals("COUNT")) {
                throw Translator.invalid(name + "(*) is not a function; only COUNT(*) takes *");
            }
            return Typed.of("COUNT(*)", ColumnType.INTEGER);
        }
        if (translator.legacy() && (DateFunctions.NAMES.contains(name) || TextFunctions.NAMES.contains(name)
                || JsonFunctions.NAMES.contains(name))) {
            // Legacy SQL has its own functions of these names (CURRENT_DATE gives a STRING there), with other rules.
            throw Translator.unsupported("function " + name + "() in legacy SQL; use standard SQL (#standardSQL)");
        }
        if (DateFunctions.NAMES.contains(name)) {
            return DateFunctions.call(call, translator);
        }
        List<Typed> args = new ArrayList<>();
        for (Expr arg : call.args()) {
            args.add(translator.expr(arg));
        }
        if (call.distinct() && !List.of("COUNT", "MIN", "MAX", "SUM", "AVG").contains(name)) {
            throw Translator.invalid("DISTINCT is not allowed in " + name + "()");
        }
        String distinct = call.distinct() ? "DISTINCT " : "";
        switch (name) {
            case "CONCAT":
                requireAtLeast(name, args, 1);
                return concat(args);
            case "COUNT":
                requireCount(name, args, 1);
                if (call.distinct() && translator.legacy()) {
                    // Legacy SQL's COUNT(DISTINCT) is an estimate; the engine only gives exact answers.
                    throw Translator.unsupported("COUNT(DISTINCT …) in legacy SQL (it is approximate there); use standard SQL");
                }
                return Typed.of("COUNT(" + distinct + args.get(0).sql() + ")", ColumnType.INTEGER);
            case "COUNTIF":
                requireCount(name, args, 1);
                requireType(name, args.get(0), ColumnType.BOOLEAN);
                return Typed.of("COUNT(CASE WHEN " + args.get(0).sql() + " THEN 1 END)", ColumnType.INTEGER);
            case "MIN":
            case "MAX":
                requireCount(name, args, 1);
                requireScalar(name, args.get(0));
                return new Typed(name + "(" + distinct + args.get(0).sql() + ")", args.get(0).type());
            case "SUM":
                requireCount(name, args, 1);
                return sum(args.get(0), distinct);
            case "AVG":
                requireCount(name, args, 1);
                return avg(args.get(0), distinct);
            case "ARRAY_LENGTH":
                requireCount(name, args, 1);
                if (!args.get(0).isArray() && !args.get(0).isNull()) {
                    throw Translator.invalid("ARRAY_LENGTH needs an array, not " + args.get(0).typeName());
                }
                return Typed.of("CAST(CARDINALITY(" + args.get(0).sql() + ") AS BIGINT)", ColumnType.INTEGER);
            case "LOWER":
            case "UPPER":
            case "TRIM":
            case "LTRIM":
            case "RTRIM":
                requireCount(name, args, 1);
                requireType(name, args.get(0), ColumnType.STRING);
                return Typed.of(name + "(" + args.get(0).sql() + ")", ColumnType.STRING);
            case "LENGTH":
            case "CHAR_LENGTH":
            case "CHARACTER_LENGTH":
                requireCount(name, args, 1);
                if (args.get(0).is(ColumnType.BYTES)) {
                    return Typed.of("CAST(OCTET_LENGTH(" + args.get(0).sql() + ") AS BIGINT)", ColumnType.INTEGER);
                }
                requireType(name, args.get(0), ColumnType.STRING);
                return Typed.of("CAST(CHAR_LENGTH(" + args.get(0).sql() + ") AS BIGINT)", ColumnType.INTEGER);
            case "IFNULL":
                requireCount(name, args, 2);
                return coalesce(name, args);
            case "COALESCE":
                requireAtLeast(name, args, 1);
                return coalesce(name, args);
            case "STARTS_WITH":
            case "ENDS_WITH":
                requireCount(name, args, 2);
                requireType(name, args.get(0), ColumnType.STRING);
                requireType(name, args.get(1), ColumnType.STRING);
                String side = name.equals("STARTS_WITH") ? "LEFT" : "RIGHT";
                return Typed.of("(" + side + "(" + args.get(0).sql() + ", CHAR_LENGTH(" + args.get(1).sql() + ")) = "
                        + args.get(1).sql() + ")", ColumnType.BOOLEAN);
            default:
                if (TextFunctions.NAMES.contains(name)) {
                    return TextFunctions.call(call, args);
                }
                if (JsonFunctions.NAMES.contains(name)) {
                    return JsonFunctions.call(call, args);
                }
                throw Translator.unsupported("function " + name + "()");
        }
    }

    /** CONCAT: NULL if any argument is NULL (BigQuery), which H2's {@code ||} does and its CONCAT does not. */
    static Typed concat(List<Typed> args) {
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < args.size(); i++) {
            sql.append(i > 0 ? " || " : "").append(text(args.get(i)).sql());
        }
        return Typed.of(sql.append(')').toString(), ColumnType.STRING);
    }

    /** A value as BigQuery's CAST(… AS STRING) writes it. */
    static Typed text(Typed value) {
        if (value.isNull()) {
            return Typed.of("CAST(NULL AS CHARACTER VARYING)", ColumnType.STRING);
        }
        if (value.isArray() || value.isRecord()) {
            throw Translator.invalid("No matching signature: cannot convert " + value.typeName() + " to STRING");
        }
        String sql = value.sql();
        switch (value.type().type()) {
            case STRING:
                return value;
            case INTEGER:
            case DATE:
                // H2 writes these exactly as BigQuery does: 42, 2021-03-04.
                return Typed.of("CAST(" + sql + " AS CHARACTER VARYING)", ColumnType.STRING);
            case TIME:
                // H2 trims a fraction to its last digit (12:30:00.5); BigQuery writes whole milli- or microseconds (.500).
                // Whole seconds, the common case, read the same in both, so only fractions pay for the Java call.
                return Typed.of("CASE WHEN EXTRACT(NANOSECOND FROM " + sql + ") = 0 THEN CAST(" + sql
                        + " AS CHARACTER VARYING) ELSE " + BigQueryFunctions.call("time_string", sql) + " END", ColumnType.STRING);
            case DATETIME:
                return Typed.of(BigQueryFunctions.call("datetime_string", sql), ColumnType.STRING);
            case TIMESTAMP:
                return Typed.of(BigQueryFunctions.call("timestamp_string", sql), ColumnType.STRING);
            case BOOLEAN:
                return Typed.of("LOWER(CAST(" + sql + " AS CHARACTER VARYING))", ColumnType.STRING);
            case FLOAT:
                return Typed.of(BigQueryFunctions.call("float_string", sql), ColumnType.STRING);
            case NUMERIC:
                return Typed.of(BigQueryFunctions.call("numeric_string", sql), ColumnType.STRING);
            default:
                throw Translator.unsupported("converting " + value.typeName() + " to STRING");
        }
    }

    private static Typed sum(Typed arg, String distinct) {
        if (arg.is(ColumnType.INTEGER)) {
            return Typed.of("CAST(SUM(" + distinct + arg.sql() + ") AS BIGINT)", ColumnType.INTEGER);
        }
        if (arg.is(ColumnType.FLOAT)) {
            return Typed.of(ResolvedFunctions.floatSum(arg.sql(), distinct, "", false), ColumnType.FLOAT);
        }
        if (arg.is(ColumnType.NUMERIC)) {
            return Typed.of("CAST(SUM(" + distinct + arg.sql() + ") AS NUMERIC(38, 9))", ColumnType.NUMERIC);
        }
        throw Translator.invalid("No matching signature for aggregate function SUM for argument type " + arg.typeName());
    }

    private static Typed avg(Typed arg, String distinct) {
        if (arg.is(ColumnType.INTEGER) || arg.is(ColumnType.FLOAT)) {
            return Typed.of(ResolvedFunctions.floatMean("CAST(" + arg.sql() + " AS DOUBLE PRECISION)", distinct, ""), ColumnType.FLOAT);
        }
        if (arg.is(ColumnType.NUMERIC)) {
            return Typed.of("CAST(AVG(" + distinct + arg.sql() + ") AS NUMERIC(38, 9))", ColumnType.NUMERIC);
        }
        throw Translator.invalid("No matching signature for aggregate function AVG for argument type " + arg.typeName());
    }

    private static Typed coalesce(String name, List<Typed> args) {
        Typed typed = null;
        StringBuilder sql = new StringBuilder("COALESCE(");
        for (int i = 0; i < args.size(); i++) {
            Typed arg = args.get(i);
            if (typed == null && !arg.isNull()) {
                typed = arg;
            } else if (typed != null) {
                Comparisons.requireSameFamily(typed, arg, name);
            }
            sql.append(i > 0 ? ", " : "").append(arg.sql());
        }
        return new Typed(sql.append(')').toString(), typed == null ? null : typed.type());
    }

    private static void requireCount(String name, List<Typed> args, int count) {
        requireCount(name, args.size(), count);
    }

    static void requireCount(String name, int given, int count) {
        if (given != count) {
            throw Translator.invalid("Number of arguments does not match for function " + name + ": expected "
                    + count + ", got " + given);
        }
    }

    /** An argument that must be written as a string literal (a format, a pattern, a path): its text. */
    static String stringLiteral(String name, Expr arg, String what) {
        if (arg instanceof Ast.Literal && ((Ast.Literal) arg).kind() == Ast.LiteralKind.STRING) {
            return ((Ast.Literal) arg).text();
        }
        throw Translator.unsupported(name + " with a " + what + " that is not a string literal");
    }

    private static void requireAtLeast(String name, List<Typed> args, int count) {
        if (args.size() < count) {
            throw Translator.invalid("Function " + name + " needs at least " + count + " argument(s)");
        }
    }

    static void requireType(String name, Typed arg, ColumnType type) {
        if (!arg.isNull() && !arg.is(type)) {
            throw Translator.invalid("No matching signature for function " + name + " for argument type "
                    + arg.typeName() + " (expected " + Typed.standardName(type) + ")");
        }
    }

    private static void requireScalar(String name, Typed arg) {
        if (arg.isArray() || arg.isRecord() || arg.is(ColumnType.JSON)) {
            throw Translator.invalid("No matching signature for aggregate function " + name + " for argument type " + arg.typeName());
        }
    }
}
