package io.dicombq.adapter.out.sql;

import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedColumnRef;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IFERROR, ISERROR and NULLIFERROR (BigQuery docs: debugging functions). H2 has no way to catch an error inside an
 * expression, so the try expression (and IFERROR's catch expression, evaluated only after an error) is rendered as a
 * statement of its own, {@code SELECT expr FROM (SELECT ? AS "c12", …)}, over the columns of the query it reads;
 * {@link ErrorCatchingRuntime} runs it for each row and catches exactly BigQuery's evaluation errors.
 */
final class ErrorCatching {
    static final Set<String> NAMES = Set.of("iferror", "iserror", "nulliferror");

    private ErrorCatching() {
    }

    static String render(ResolvedFunctionCall call, String name, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        Map<Long, ResolvedColumnRef> outside = OuterColumns.of(args);
        List<String> values = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        for (ResolvedColumnRef ref : outside.values()) {
            values.add(t.expr(ref));
            parameters.add("CAST(? AS " + ResolvedTranslator.h2Type(ref.getColumn().getType()) + ") AS "
                    + ResolvedTranslator.col(ref.getColumn()));
        }
        String from = parameters.isEmpty() ? "" : " FROM (SELECT " + String.join(", ", parameters) + ") AS " + t.alias();
        String attempt = statement(t.isolated(() -> t.expr(args.get(0))), from);
        if (name.equals("iserror")) {
            return ResolvedFunctions.call("is_error", arguments(attempt, values));
        }
        String fallback = name.equals("iferror") ? statement(t.isolated(() -> t.expr(args.get(1))), from) : "NULL";
        List<String> all = new ArrayList<>(List.of(attempt, fallback));
        all.addAll(values);
        return "CAST(" + ResolvedFunctions.call("try_or", all.toArray(String[]::new)) + " AS "
                + ResolvedTranslator.h2Type(call.getType()) + ")";
    }

    private static String statement(String expr, String from) {
        return Literals.string("SELECT " + expr + from);
    }

    private static String[] arguments(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray(String[]::new);
    }
}
