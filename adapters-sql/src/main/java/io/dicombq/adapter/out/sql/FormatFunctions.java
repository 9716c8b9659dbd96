package io.dicombq.adapter.out.sql;

import com.google.zetasql.ArrayType;
import com.google.zetasql.StructType;
import com.google.zetasql.Type;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;

import io.dicombq.adapter.out.h2.catalog.Names;

import java.util.ArrayList;
import java.util.List;

/**
 * FORMAT (BigQuery docs: FORMAT) with a literal format: ZetaSQL has already checked its specifiers against the
 * arguments' types, so each specifier becomes one {@link FormatRuntime} call and the pieces are concatenated (a NULL
 * piece makes the result NULL, as ZetaSQL's FORMAT gives NULL for a NULL argument of anything but %t and %T).
 */
final class FormatFunctions {
    private static final String FLAGS = "-+ #0'";

    private FormatFunctions() {
    }

    /** The H2 SQL of {@code name}, or {@code null} when it is not FORMAT or a function after it. */
    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        if (!name.equals("format")) {
            return RegexpFunctions.call(name, call, t);
        }
        List<ResolvedExpr> args = call.getArgumentList();
        if (!(args.get(0) instanceof ResolvedLiteral)) {
            throw ResolvedTranslator.refuse("FORMAT with a format string that is not a literal");
        }
        ResolvedLiteral literal = (ResolvedLiteral) args.get(0);
        if (literal.getValue().isNull()) {
            return "CAST(NULL AS CHARACTER VARYING)";
        }
        String format = literal.getValue().getStringValue();
        List<String> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int next = 1;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                text.append(c);
                continue;
            }
            if (format.charAt(i + 1) == '%') {
                text.append('%');
                i++;
                continue;
            }
            int at = i + 1;
            while (FLAGS.indexOf(format.charAt(at)) >= 0) {
                at++;
            }
            String flags = format.substring(i + 1, at);
            String width;
            if (format.charAt(at) == '*') {
                width = t.expr(args.get(next++));
                at++;
            } else {
                int start = at;
                while (Character.isDigit(format.charAt(at))) {
                    at++;
                }
                width = start == at ? "CAST(NULL AS BIGINT)" : "CAST(" + format.substring(start, at) + " AS BIGINT)";
            }
            String precision = "CAST(NULL AS BIGINT)";
            if (format.charAt(at) == '.') {
                at++;
                if (format.charAt(at) == '*') {
                    precision = t.expr(args.get(next++));
                    at++;
                } else {
                    int start = at;
                    while (Character.isDigit(format.charAt(at))) {
                        at++;
                    }
                    precision = "CAST(" + (start == at ? "0" : format.substring(start, at)) + " AS BIGINT)";
                }
            }
            if (text.length() > 0) {
                pieces.add(Literals.string(text.toString()));
                text.setLength(0);
            }
            String conversion = String.valueOf(format.charAt(at));
            pieces.add(piece(args.get(next++), flags, conversion, width, precision, t));
            i = at;
        }
        if (text.length() > 0 || pieces.isEmpty()) {
            pieces.add(Literals.string(text.toString()));
        }
        return "(" + String.join(" || ", pieces) + ")";
    }

    private static String piece(ResolvedExpr arg, String flags, String conversion, String width, String precision,
                                ResolvedTranslator t) {
        String flagsSql = Literals.string(flags);
        String conversionSql = Literals.string(conversion.equals("i") ? "d" : conversion);
        if (arg.getType().isStruct()) {
            // The struct's text, then cut and padded as a %t string is.
            return ResolvedFunctions.call("fmt_string", text(t.expr(arg), arg.getType(), conversion), flagsSql, "'t'", width,
                    precision);
        }
        return ResolvedFunctions.call(function(arg.getType()), t.expr(arg), flagsSql, conversionSql, width, precision);
    }

    /**
     * The never-NULL %t or %T text of a value inside a STRUCT or of a STRUCT: {@code (a, b)}, and under %T
     * {@code STRUCT(a)} for one field and {@code STRUCT()} for none, as ZetaSQL writes them.
     */
    private static String text(String sql, Type type, String conversion) {
        if (!type.isStruct()) {
            return ResolvedFunctions.call(function(type), sql, "''", Literals.string(conversion), "CAST(NULL AS BIGINT)",
                    "CAST(NULL AS BIGINT)");
        }
        StructType struct = (StructType) type;
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < struct.getFieldCount(); i++) {
            String field = "(" + sql + ")." + Names.quote(ZetaTypes.fieldName(struct, i));
            fields.add(text(field, struct.getField(i).getType(), conversion));
        }
        String open = conversion.equals("T") && fields.size() < 2 ? "'STRUCT('" : "'('";
        String joined = fields.isEmpty() ? "" : " || " + String.join(" || ', ' || ", fields);
        return "CASE WHEN " + ResolvedFunctions.isNull("(" + sql + ")", type, true) + " THEN 'NULL' ELSE " + open + joined + " || ')' END";
    }

    /** The {@link FormatRuntime} function for a scalar or an array of scalars. */
    private static String function(Type type) {
        Type element = type.isArray() ? ((ArrayType) type).getElementType() : type;
        String name = scalarName(element);
        if (name == null || type.isArray() && element.isJson()) {
            throw ResolvedTranslator.refuse("FORMAT of " + ZetaTypes.name(type));
        }
        return "fmt_" + name.toLowerCase(java.util.Locale.ROOT) + (type.isArray() ? "_array" : "");
    }

    /** The type's name for {@link FormatRuntime}, or null for types it does not write. */
    private static String scalarName(Type type) {
        if (type.isInt64()) {
            return "INT64";
        }
        if (type.isDouble()) {
            return "FLOAT64";
        }
        if (type.isNumeric()) {
            return "NUMERIC";
        }
        if (type.isString()) {
            return "STRING";
        }
        if (type.isBytes()) {
            return "BYTES";
        }
        if (type.isBool()) {
            return "BOOL";
        }
        if (type.isDate()) {
            return "DATE";
        }
        if (type.isTime()) {
            return "TIME";
        }
        if (type.isDatetime()) {
            return "DATETIME";
        }
        if (type.isTimestamp()) {
            return "TIMESTAMP";
        }
        return type.isJson() ? "JSON" : null;
    }
}
