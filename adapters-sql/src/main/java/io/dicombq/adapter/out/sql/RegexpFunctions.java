package io.dicombq.adapter.out.sql;

import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * REGEXP_EXTRACT and REGEXP_SUBSTR with a position or occurrence, REGEXP_EXTRACT_ALL and REGEXP_INSTR, every
 * regular-expression function on BYTES, and REGEXP_CONTAINS and REGEXP_EXTRACT on STRING with a pattern that is not a
 * literal, rendered as calls of {@link RegexpRuntime}; with a literal, REGEXP_CONTAINS, REGEXP_REPLACE and the
 * two-argument REGEXP_EXTRACT on STRING stay where they were (hand-written translator, {@link MoreFunctions}).
 * A literal pattern is read as RE2 once, here, any other for each row (see {@link Re2}).
 */
final class RegexpFunctions {
    private RegexpFunctions() {
    }

    /** The H2 SQL of {@code name}, or {@code null} when it is none of these functions. */
    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        boolean bytes = !args.isEmpty() && args.get(0).getType().isBytes();
        String suffix = bytes ? "_bytes" : "";
        switch (name) {
            case "regexp_contains":
                if (!bytes && !(args.get(1) instanceof ResolvedLiteral)) {
                    return "REGEXP_LIKE(" + t.expr(args.get(0)) + ", " + pattern(call, t) + ")";
                }
                return bytes ? render("re_contains_bytes", call, t) : null;
            case "regexp_replace":
                return bytes ? render("re_replace_bytes", call, t) : null;
            case "regexp_extract":
            case "regexp_substr":
                if (name.equals("regexp_extract") && args.size() == 2 && !bytes && args.get(1) instanceof ResolvedLiteral) {
                    return null;
                }
                return render("re_extract_at" + suffix, call, t, "CAST(1 AS BIGINT)", "CAST(1 AS BIGINT)");
            case "regexp_extract_all":
                return "CAST(" + render("re_extract_all" + suffix, call, t) + " AS "
                        + ResolvedTranslator.h2Type(call.getType()) + ")";
            case "regexp_instr":
                return render("re_instr" + suffix, call, t, "CAST(1 AS BIGINT)", "CAST(1 AS BIGINT)", "CAST(0 AS BIGINT)");
            default:
                return null;
        }
    }

    /** The call with the pattern translated and the optional arguments not given filled with {@code defaults}. */
    private static String render(String function, ResolvedFunctionCall call, ResolvedTranslator t, String... defaults) {
        List<ResolvedExpr> args = call.getArgumentList();
        for (ResolvedExpr arg : args) {
            if (!arg.getType().isString() && !arg.getType().isBytes() && !arg.getType().isInt64()) {
                throw ResolvedFunctions.unsupportedTypes(call);
            }
        }
        List<String> sql = new ArrayList<>();
        sql.add(t.expr(args.get(0)));
        sql.add(pattern(call, t));
        for (int i = 2; i < args.size(); i++) {
            sql.add(t.expr(args.get(i)));
        }
        for (int i = args.size() - 2; i < defaults.length; i++) {
            sql.add(defaults[i]);
        }
        return ResolvedFunctions.call(function, sql.toArray(new String[0]));
    }

    /**
     * The second argument as a Java pattern: a literal is read as RE2 once, here; any other expression for each row
     * ({@link RegexpRuntime#javaPattern}).
     */
    static String pattern(ResolvedFunctionCall call, ResolvedTranslator t) {
        ResolvedExpr arg = call.getArgumentList().get(1);
        String function = ResolvedFunctions.sqlName(call);
        if (!(arg instanceof ResolvedLiteral)) {
            // under SAFE. an invalid pattern makes the call NULL (SafeCalls swaps the same twin in where it renders)
            String reader = (arg.getType().isBytes() ? "re_java_bytes" : "re_java");
            return ResolvedFunctions.call(ResolvedTranslator.safe(call) ? "safe_" + reader : reader, Literals.string(function),
                    t.expr(arg));
        }
        ResolvedLiteral pattern = (ResolvedLiteral) arg;
        String re = pattern.getValue().isNull() ? null : pattern.getType().isBytes()
                ? new String(pattern.getValue().getBytesValue().toByteArray(), StandardCharsets.ISO_8859_1)
                : pattern.getValue().getStringValue();
        return re == null ? "CAST(NULL AS CHARACTER VARYING)" : Literals.string(Re2.translate(function, re).java());
    }
}
