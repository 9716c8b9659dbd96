package io.dicombq.adapter.out.sql;

import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;

import java.util.ArrayList;
import java.util.List;

/**
 * REGEXP_EXTRACT and REGEXP_SUBSTR with a position or occurrence, REGEXP_EXTRACT_ALL and REGEXP_INSTR on STRING,
 * rendered as calls of {@link RegexpRuntime}; the two-argument REGEXP_EXTRACT stays with the hand-written translator.
 * The pattern must be a literal: it is read as RE2 once, here (see {@link Re2}).
 */
final class RegexpFunctions {
    private RegexpFunctions() {
    }

    /** The H2 SQL of {@code name}, or {@code null} when it is none of these functions. */
    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        switch (name) {
            case "regexp_extract":
            case "regexp_substr":
                if (name.equals("regexp_extract") && args.size() == 2 && args.get(0).getType().isString()) {
                    return null;
                }
                return render("re_extract_at", call, t, "CAST(1 AS BIGINT)", "CAST(1 AS BIGINT)");
            case "regexp_extract_all":
                return "CAST(" + render("re_extract_all", call, t) + " AS CHARACTER VARYING ARRAY)";
            case "regexp_instr":
                return render("re_instr", call, t, "CAST(1 AS BIGINT)", "CAST(1 AS BIGINT)", "CAST(0 AS BIGINT)");
            default:
                return null;
        }
    }

    /** The call with the pattern translated and the optional arguments not given filled with {@code defaults}. */
    private static String render(String function, ResolvedFunctionCall call, ResolvedTranslator t, String... defaults) {
        List<ResolvedExpr> args = call.getArgumentList();
        for (ResolvedExpr arg : args) {
            if (!arg.getType().isString() && !arg.getType().isInt64()) {
                throw ResolvedFunctions.unsupportedTypes(call);
            }
        }
        if (!(args.get(1) instanceof ResolvedLiteral)) {
            throw ResolvedTranslator.refuse(ResolvedFunctions.sqlName(call) + " with a pattern that is not a literal");
        }
        ResolvedLiteral pattern = (ResolvedLiteral) args.get(1);
        List<String> sql = new ArrayList<>();
        sql.add(t.expr(args.get(0)));
        sql.add(pattern.getValue().isNull() ? "CAST(NULL AS CHARACTER VARYING)"
                : Literals.string(Re2.translate(ResolvedFunctions.sqlName(call), pattern.getValue().getStringValue()).java()));
        for (int i = 2; i < args.size(); i++) {
            sql.add(t.expr(args.get(i)));
        }
        for (int i = args.size() - 2; i < defaults.length; i++) {
            sql.add(defaults[i]);
        }
        return ResolvedFunctions.call(function, sql.toArray(new String[0]));
    }
}
