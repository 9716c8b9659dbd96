package io.dicombq.adapter.out.sql;

import com.google.zetasql.ArrayType;
import com.google.zetasql.Type;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;

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
        Type type = arg.getType();
        String flagsSql = Literals.string(flags);
        String conversionSql = Literals.string(conversion.equals("i") ? "d" : conversion);
        if (type.isArray()) {
            Type element = ((ArrayType) type).getElementType();
            String name = scalarName(element);
            if (name == null || element.isTime() || element.isDatetime() || element.isTimestamp() || element.isJson()) {
                throw ResolvedTranslator.refuse("FORMAT of " + ZetaTypes.name(type));
            }
            return ResolvedFunctions.call("fmt_" + name.toLowerCase(java.util.Locale.ROOT) + "_array", t.expr(arg), flagsSql,
                    conversionSql, width, precision);
        }
        String name = scalarName(type);
        if (name == null) {
            throw ResolvedTranslator.refuse("FORMAT of " + ZetaTypes.name(type));
        }
        return ResolvedFunctions.call("fmt_" + name.toLowerCase(java.util.Locale.ROOT), t.expr(arg), flagsSql,
                conversionSql, width, precision);
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
