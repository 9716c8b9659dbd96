package io.dicombq.adapter.out.sql;

import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * REGEXP_EXTRACT and REGEXP_SUBSTR with a position or occurrence, REGEXP_EXTRACT_ALL and REGEXP_INSTR, and every
 * regular-expression function on BYTES, rendered as calls of {@link RegexpRuntime}; REGEXP_CONTAINS, REGEXP_REPLACE
 * and the two-argument REGEXP_EXTRACT on STRING stay where they were (hand-written translator, {@link MoreFunctions}).
 * The pattern must be a literal: it is read as RE2 once, here (see {@link Re2}).
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
            case "regexp_replace":
                return bytes ? render("re_" + name.substring("regexp_".length()) + "_bytes", call, t) : null;
            case "regexp_extract":
            case "regexp_substr":
                if (name.equals("regexp_extract") && args.size() == 2 && !bytes) {
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
        if (!(args.get(1) instanceof ResolvedLiteral)) {
            throw ResolvedTranslator.refuse(ResolvedFunctions.sqlName(call) + " with a pattern that is not a literal");
        }
        ResolvedLiteral pattern = (ResolvedLiteral) args.get(1);
        List<String> sql = new ArrayList<>();
        sql.add(t.expr(args.get(0)));
        String re = pattern.getValue().isNull() ? null : pattern.getType().isBytes()
                ? new String(pattern.getValue().getBytesValue().toByteArray(), StandardCharsets.ISO_8859_1)
                : pattern.getValue().getStringValue();
        sql.add(re == null ? "CAST(NULL AS CHARACTER VARYING)"
                : Literals.string(Re2.translate(ResolvedFunctions.sqlName(call), re).java()));
        for (int i = 2; i < args.size(); i++) {
            sql.add(t.expr(args.get(i)));
        }
        for (int i = args.size() - 2; i < defaults.length; i++) {
            sql.add(defaults[i]);
        }
        return ResolvedFunctions.call(function, sql.toArray(new String[0]));
    }
}
